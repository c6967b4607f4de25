/**
 * The bare page of the graph core: paste or edit a graph file and see the
 * live analysis (shapes, weights, formulas, diagnostics). The canvas editor
 * replaces this as the main view; this stays a plain, dependable fallback.
 */
import { useMemo, useState } from 'react';
import { loadGraph } from '../graph/load.ts';
import { analyze } from '../analysis/analyze.ts';
import type { Analysis } from '../analysis/types.ts';
import { SAMPLE_GRAPH } from './sample-graph.ts';

const shape = (s: (number | null)[] | undefined) => (s ? `[${s.map((d) => d ?? '?').join(', ')}]` : '—');
const num = (n: number) => n.toLocaleString('en-US');

export function SummaryPage() {
  const [text, setText] = useState(() => JSON.stringify(SAMPLE_GRAPH, null, 2));
  const loaded = useMemo(() => loadGraph(text), [text]);
  const analysis = useMemo(() => (loaded.ok ? analyze(loaded.doc) : null), [loaded]);

  return (
    <div className="page">
      <header>
        <h1>netloom</h1>
        <p>Graph core · edit the graph file on the left; shapes and diagnostics update as you type.</p>
      </header>
      <main>
        <textarea aria-label="Graph file" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        <section aria-label="Analysis">
          {!loaded.ok ? (
            <p className="diag error" role="alert">
              Cannot read this file: {loaded.error.message}
            </p>
          ) : (
            analysis && <AnalysisView a={analysis} />
          )}
        </section>
      </main>
    </div>
  );
}

function AnalysisView({ a }: { a: Analysis }) {
  return (
    <>
      <table>
        <thead>
          <tr>
            <th>Layer</th>
            <th>Kind</th>
            <th>Output shape</th>
            <th className="n">Params</th>
            <th>Formula</th>
          </tr>
        </thead>
        <tbody>
          {a.order.map((id) => {
            const n = a.nodes.get(id)!;
            return (
              <tr key={id} className={n.diagnostics.some((d) => d.severity === 'error') ? 'bad' : undefined}>
                <td>{id}</td>
                <td>{n.kind}</td>
                <td data-testid={`shape-${id}`}>{shape(n.outputs[0])}</td>
                <td className="n">{num(n.weights.trainable + n.weights.nonTrainable)}</td>
                <td className="formula">{n.formulas.map((f) => `${f.axis}: ${f.numeric}`).join('  ·  ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="totals" data-testid="totals">
        Total params {num(a.totals.params)} · trainable {num(a.totals.trainableParams)} · MACs {num(a.totals.macs)} · activations{' '}
        {(a.totals.activationBytes / 1024).toFixed(1)} KiB per sample · {a.valid ? 'valid' : 'has errors'}
      </p>
      <ul className="diags">
        {a.diagnostics.map((d, i) => (
          <li key={i} className={`diag ${d.severity}`}>
            <b>{d.severity}</b> {d.nodeId ? <code>{[...(d.path ?? []), d.nodeId].join(' › ')}</code> : null} {d.message}
          </li>
        ))}
      </ul>
    </>
  );
}
