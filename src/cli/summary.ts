/** `netloom summary FILE [--json]`: the layers, shapes, weights and problems of a graph file. */
import { analyze } from '../analysis/analyze.ts';
import { commandUsage, EXIT, type Command } from './io.ts';
import { openGraph } from './open-graph.ts';
import { summaryJson, summaryText } from './summary-format.ts';

export const summary: Command = {
  name: 'summary',
  usage: 'FILE [--json]',
  summary: 'print the layers, output shapes, weights and problems of a graph file (--json: one JSON object)',
  flags: ['--json'],
  run({ flags, positionals }, io) {
    if (positionals.length !== 1) {
      io.stderr(`${positionals.length === 0 ? 'which file? give one graph file' : `one file at a time (got ${positionals.length})`}\n${commandUsage(summary)}`);
      return EXIT.unusable;
    }
    const opened = openGraph(positionals[0]!, io);
    if (!opened.ok) {
      io.stderr(opened.message);
      return EXIT.unusable;
    }
    const a = analyze(opened.doc);
    // Everything goes to stdout, diagnostics included; the exit code says whether the graph is valid.
    io.stdout(flags.has('--json') ? JSON.stringify(summaryJson(a)) : summaryText(opened.doc, a));
    return a.valid ? EXIT.ok : EXIT.invalid;
  },
};
