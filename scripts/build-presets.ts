/**
 * Writes the presets that are built by code (scripts/presets/) into
 * graph-presets/. `npm run build-presets`; a test checks the files are current.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveGraph } from '../src/graph/load.ts';
import { buildPreset, CODED_PRESETS } from './presets/index.ts';

const dir = join(import.meta.dirname, '..', 'graph-presets');
for (const file of Object.keys(CODED_PRESETS)) {
  writeFileSync(join(dir, file), saveGraph(buildPreset(file)));
  console.log(`wrote graph-presets/${file}`);
}
