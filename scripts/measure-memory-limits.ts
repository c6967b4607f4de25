/**
 * Measures what tfjs can really allocate here, for the limits in
 * src/analysis/budget.ts: in Node (the CLI) and in a Chromium worker (the
 * app trains in one), on the wasm backend, how much tensor memory the wasm
 * heap holds before an allocation fails, checking every tensor still holds
 * what was written (past the limit tfjs-backend-wasm's malloc returns null
 * and new tensors silently overwrite old ones); and the largest Float32Array
 * the engine makes (the cpu backend keeps each tensor in one).
 * Run by hand (it allocates up to ~4 GiB per engine, for a minute):
 *   npx tsx scripts/measure-memory-limits.ts
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './test-tools/chromium.ts';
import { loadTf } from '../src/compile/tf.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';

/** `single:<MiB>` tries one tensor of that size; `held` fills the heap with 64 MiB tensors; `array` sizes a Float32Array. */
type Part = `single:${number}` | 'held' | 'array';
interface Probe {
  /** Bytes of 64 MiB tensors held, all intact, when the next one came back corrupt or threw. */
  wasmHeldBytes?: number;
  /** How the next allocation failed. */
  wasmFailure?: string;
  /** The largest single tensor that allocated intact, of those tried. */
  wasmLargestTensorBytes?: number;
  /** The largest Float32Array length the engine makes, of those tried. */
  largestFloat32Length?: number;
}

interface ProbeTf {
  fill(shape: number[], v: number): unknown;
  slice(t: unknown, begin: number[], size: number[]): { dataSync(): ArrayLike<number>; dispose(): void };
  dispose(t: unknown): void;
}

/**
 * One part of the measurement, in a fresh engine each (past the limit a null
 * pointer lets tfjs write over the heap, so nothing after it can be trusted).
 * Runs in Node and, as source text, in the worker: no closures over this module.
 */
async function probe(tf: ProbeTf, part: Part): Promise<Probe> {
  const MIB = 2 ** 20;
  // Reads three values through small slices: copying a whole 4 GB tensor out would double the memory used.
  const intact = (t: unknown, n: number, v: number) =>
    [0, n >> 1, n - 1].every((i) => {
      const s = tf.slice(t, [i], [1]);
      const ok = s.dataSync()[0] === v;
      s.dispose();
      return ok;
    });
  if (part.startsWith('single:')) {
    const mib = Number(part.slice(7));
    const n = (mib * MIB) / 4;
    try {
      const t = tf.fill([n], 7);
      return intact(t, n, 7) ? { wasmLargestTensorBytes: mib * MIB } : {};
    } catch {
      return {};
    }
  }
  if (part === 'held') {
    const n = (64 * MIB) / 4;
    const held: unknown[] = [];
    let wasmFailure = 'none up to 8 GiB';
    try {
      for (let i = 0; i < 128; i++) {
        const t = tf.fill([n], i + 1);
        held.push(t);
        // The new tensor, and the first one (which a null pointer overwrites).
        if (!intact(t, n, i + 1) || !intact(held[0], n, 1)) {
          wasmFailure = 'allocation past the limit silently overwrote other tensors';
          held.pop();
          break;
        }
      }
    } catch (e) {
      wasmFailure = `threw: ${e instanceof Error ? e.message : String(e)}`;
    }
    return { wasmHeldBytes: held.length * 64 * MIB, wasmFailure };
  }
  let largestFloat32Length = 0;
  for (const n of [2 ** 28, 2 ** 29, 2 ** 30, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1]) {
    try {
      new Float32Array(n);
      largestFloat32Length = n;
    } catch {
      break;
    }
  }
  return { largestFloat32Length };
}

/** Sizes tried for one tensor, largest first: each in a fresh engine, the first that works is the answer. */
const SINGLE_MIB = [4064, 4032, 4000, 3840, 3584, 3072, 2048];
const PARTS: Part[] = ['held', 'array', ...SINGLE_MIB.map((m) => `single:${m}` as const)];

function show(where: string, p: Probe) {
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(3)} GiB (${b.toLocaleString('en-US')} bytes)`;
  console.log(`${where}:`);
  console.log(`  wasm: largest single tensor tried that allocated intact: ${gib(p.wasmLargestTensorBytes ?? 0)}`);
  console.log(`  wasm: held ${gib(p.wasmHeldBytes ?? 0)} of 64 MiB tensors; the next one: ${p.wasmFailure}`);
  console.log(`  largest Float32Array: ${(p.largestFloat32Length ?? 0).toLocaleString('en-US')} elements (${gib(4 * (p.largestFloat32Length ?? 0))})`);
}

/** One part in this process (the child the Node measurement starts): prints its result as JSON. */
async function nodePart(part: Part) {
  const tf = await loadTf();
  await selectNodeBackend(tf, { order: ['wasm'] });
  console.log(JSON.stringify({ backend: tf.getBackend(), version: tf.version.tfjs, result: await probe(tf as unknown as ProbeTf, part) }));
}

function inNode() {
  const results: { backend: string; version: string; result: Probe }[] = [];
  for (const part of PARTS) {
    if (part.startsWith('single:') && results.some((r) => r.result.wasmLargestTensorBytes)) break;
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--part', part], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    results.push(JSON.parse(out.trim().split('\n').at(-1)!) as { backend: string; version: string; result: Probe });
  }
  show(`Node ${process.version} (V8 ${process.versions.v8}), tfjs ${results[0]!.version} on ${results[0]!.backend}`, Object.assign({}, ...results.map((r) => r.result)));
}

async function inChromium() {
  const require = createRequire(import.meta.url);
  const tfDist = dirname(require.resolve('@tensorflow/tfjs/dist/tf.min.js'));
  const wasmDist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  const worker = (part: Part) => `
    importScripts('/tf/tf.min.js', '/wasm/tf-backend-wasm.min.js');
    tf.wasm.setWasmPaths('/wasm/');
    const __name = (f) => f; // what tsx's esbuild wraps named functions in
    const probe = ${probe.toString()};
    tf.setBackend('wasm')
      .then(async () => postMessage({ backend: tf.getBackend(), result: await probe(tf, '${part}') }))
      .catch((e) => postMessage({ error: String(e) }));
  `;
  const page = (part: Part) => `<!doctype html><link rel="icon" href="data:,"><script>
    const w = new Worker('/probe-${part}.js');
    w.onmessage = (e) => { window.result = e.data; };
    w.onerror = (e) => { window.result = { error: e.message }; };
  </script>`;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const part = PARTS.find((p) => url.endsWith(`/${p}`) || url.endsWith(`-${p}.js`)) ?? 'array';
    const file = url.startsWith('/tf/') ? join(tfDist, url.slice(4)) : url.startsWith('/wasm/') ? join(wasmDist, url.slice(6)) : null;
    const type = url.endsWith('.wasm') ? 'application/wasm' : url.endsWith('.js') ? 'text/javascript' : 'text/html';
    try {
      const body = url.startsWith('/probe-') ? worker(part) : file ? readFileSync(file) : page(part);
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const found = findChromium();
  const browser = await chromium.launch({ executablePath: found.ok ? found.path : '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    let backend = '';
    const all: Probe[] = [];
    for (const part of PARTS) {
      if (part.startsWith('single:') && all.some((r) => r.wasmLargestTensorBytes)) break;
      const p = await browser.newPage();
      let crashed = false;
      p.on('crash', () => (crashed = true));
      await p.goto(`http://127.0.0.1:${port}/${part}`);
      await p.waitForFunction(() => (window as unknown as { result?: unknown }).result, null, { timeout: 300_000 }).catch((e: unknown) => {
        if (!crashed) throw e;
      });
      if (crashed) throw new Error(`the tab crashed measuring ${part}`);
      const r = (await p.evaluate(() => (window as unknown as { result: unknown }).result)) as { backend?: string; result?: Probe; error?: string };
      if (!r.result) throw new Error(r.error ?? 'no result');
      backend = r.backend ?? '';
      all.push(r.result);
      await p.close();
    }
    show(`Chromium ${browser.version()} worker, tfjs on ${backend}`, Object.assign({}, ...all));
  } finally {
    await browser.close();
    server.close();
  }
}

const at = process.argv.indexOf('--part');
if (at >= 0) await nodePart(process.argv[at + 1] as Part);
else {
  inNode();
  await inChromium();
}
