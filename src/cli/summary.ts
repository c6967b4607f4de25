/** `netloom summary FILE [--json]`: the shapes, weights and problems of a graph file. */
import { loadGraph } from '../graph/load.ts';
import { analyze } from '../analysis/analyze.ts';
import { EXIT, readError, type Command } from './io.ts';
import { diagnosticLine, summaryJson, summaryText } from './summary-format.ts';

export const summary: Command = {
  name: 'summary',
  usage: 'summary FILE [--json]',
  summary: 'print layers, shapes, weights and problems of a graph file',
  run(args, io) {
    const json = args.includes('--json');
    const files = args.filter((a) => a !== '--json');
    const unknown = files.filter((a) => a.startsWith('--'));
    if (unknown.length || files.length !== 1) {
      io.stderr(unknown.length ? `unknown option ${unknown[0]}\nusage: netloom ${this.usage}` : `usage: netloom ${this.usage}`);
      return EXIT.unusable;
    }
    const path = files[0]!;
    let text: string;
    try {
      text = io.readFile(path);
    } catch (e) {
      io.stderr(readError(path, e));
      return EXIT.unusable;
    }
    const loaded = loadGraph(text);
    if (!loaded.ok) {
      io.stderr(`${path}: ${loaded.error.message}`);
      return EXIT.unusable;
    }
    const a = analyze(loaded.doc);
    if (json) io.stdout(JSON.stringify(summaryJson(a)));
    else io.stdout(summaryText(loaded.doc, a));
    if (!a.valid && !json) for (const d of a.diagnostics.filter((x) => x.severity === 'error')) io.stderr(diagnosticLine(d));
    return a.valid ? EXIT.ok : EXIT.invalid;
  },
};
