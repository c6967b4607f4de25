/**
 * Running generated code in tests: one `tsc --strict` over many emitted
 * TypeScript files (it also writes CommonJS, which we evaluate with a
 * `require` that knows only @tensorflow/tfjs), one python3 over many emitted
 * Python files (py_compile plus Python's own tokenizer), and a small
 * tokenizer for the TypeScript we emit (no template or regex literals).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import type * as TF from '@tensorflow/tfjs';
import { DEBIAN_PYTHON } from '../../scripts/test-tools/python.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSC = join(ROOT, 'node_modules/.bin/tsc');

export interface TscRun {
  /** tsc's report, empty when every file type-checks. */
  errors: string;
  /** Compiled CommonJS per file name. */
  js: Map<string, string>;
  ms: number;
}

/** Type-checks files (name → source) with `--strict` in one tsc run against this repo's @tensorflow/tfjs. */
export function tscStrict(files: Map<string, string>): TscRun {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-ts-'));
  try {
    for (const [name, code] of files) writeFileSync(join(dir, `${name}.ts`), code);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'commonjs',
        skipLibCheck: true,
        types: [],
        outDir: 'out',
        paths: { '@tensorflow/tfjs': [join(ROOT, 'node_modules/@tensorflow/tfjs')] },
      },
      include: ['*.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const t0 = performance.now();
    const r = spawnSync(TSC, ['-p', dir, '--pretty', 'false'], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    const js = new Map<string, string>();
    for (const name of files.keys()) {
      try {
        js.set(name, readFileSync(join(dir, 'out', `${name}.js`), 'utf8'));
      } catch {
        // not emitted: the errors say why
      }
    }
    return { errors: (r.stdout + r.stderr).trim(), js, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Exports = Record<string, unknown>;

/**
 * Evaluates compiled CommonJS with `tf` as its only reachable module; `process`
 * is hidden, so injected code could not exit or spawn even if it ran.
 */
export function loadModule(js: string, tf: typeof TF): Exports {
  const exports: Exports = {};
  const module = { exports };
  const req = (id: string) => {
    if (id === '@tensorflow/tfjs') return tf;
    throw new Error(`generated code required "${id}"`);
  };
  new Function('exports', 'require', 'module', 'process', js)(exports, req, module, undefined);
  return module.exports;
}

export interface PyRun {
  /** File name → py_compile error (absent when it compiles). */
  errors: Record<string, string>;
  /** File name → Python's token stream with names and strings masked (see PY_SCRIPT). */
  shapes: Record<string, string[]>;
  /** File name → every NAME token (identifiers and keywords), in order. */
  names: Record<string, string[]>;
  ms: number;
}

const PY_SCRIPT = String.raw`
import json, keyword, py_compile, sys, tokenize
out = {"errors": {}, "shapes": {}, "names": {}}
for path in sys.argv[1:]:
    name = path.rsplit("/", 1)[-1][:-3]
    try:
        py_compile.compile(path, cfile=path + "c", doraise=True)
    except py_compile.PyCompileError as e:
        out["errors"][name] = str(e)
        continue
    toks = []
    names = []
    with open(path, "rb") as f:
        for t in tokenize.tokenize(f.readline):
            if t.type in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING):
                continue
            if t.type == tokenize.NAME:
                names.append(t.string)
                toks.append(t.string if keyword.iskeyword(t.string) else "NAME")
            elif t.type == tokenize.STRING:
                toks.append("STRING")
            elif t.type == tokenize.NUMBER:
                toks.append("NUMBER")
            else:
                toks.append(tokenize.tok_name[t.type] + ":" + t.string)
    out["shapes"][name] = toks
    out["names"][name] = names
print(json.dumps(out))
`;

/** py_compile and tokenize many files (name → source) in one python3 process. */
export function pyCheck(files: Map<string, string>): PyRun {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-py-'));
  try {
    const paths = [...files].map(([name, code]) => {
      const p = join(dir, `${name}.py`);
      writeFileSync(p, code);
      return p;
    });
    const t0 = performance.now();
    const r = spawnSync('python3', ['-c', PY_SCRIPT, ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
    return { ...(JSON.parse(r.stdout) as Omit<PyRun, 'ms'>), ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TsTokens {
  /** Token kinds: `id` for words, `str`, `num`, or the punctuation itself. */
  shape: string[];
  /** Every word outside strings and comments. */
  words: string[];
  /** Characters outside strings and comments that the emitter never writes there. */
  strange: string[];
}

const LINE_END = /[\n\r\u2028\u2029]/;

/** Tokenizes the TypeScript subset the emitter writes (line comments, quoted strings, words, numbers, punctuation). */
export function tsTokens(code: string): TsTokens {
  const shape: string[] = [];
  const words: string[] = [];
  const strange: string[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (/\s/.test(c)) i++;
    else if (code.startsWith('//', i)) {
      while (i < code.length && !LINE_END.test(code[i]!)) i++;
    } else if (code.startsWith('/*', i)) {
      strange.push('/*');
      i += 2;
    } else if (c === "'" || c === '"') {
      i++;
      while (i < code.length && code[i] !== c) {
        if (LINE_END.test(code[i]!)) strange.push('line end in string');
        i += code[i] === '\\' ? 2 : 1;
      }
      i++;
      shape.push('str');
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z0-9_$]+/.exec(code.slice(i, i + 200))!;
      words.push(m[0]);
      shape.push('id');
      i += m[0].length;
    } else if (/[0-9.]/.test(c) && /[0-9]/.test(code[i + 1] ?? c)) {
      const m = /^[0-9.]+(e-?[0-9]+)?/.exec(code.slice(i, i + 40))!;
      shape.push('num');
      i += m[0].length;
    } else {
      if (c === '`' || c.charCodeAt(0) > 0x7e) strange.push(c);
      shape.push(c);
      i++;
    }
  }
  return { shape, words, strange };
}

/** Whether python3 here can import TensorFlow (Keras code can then be run, not only parsed). */
export function pythonHasTensorflow(): boolean {
  return spawnSync('python3', ['-c', 'import tensorflow'], { encoding: 'utf8' }).status === 0;
}

const KERAS_BUILD = String.raw`
import importlib.util, json, sys
out = {}
for path in sys.argv[1:]:
    name = path.rsplit("/", 1)[-1][:-3]
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    model = mod.build_model()
    out[name] = {
        "params": int(model.count_params()),
        "outputs": [[None if d is None else int(d) for d in tuple(o.shape)[1:]] for o in model.outputs],
    }
print(json.dumps(out))
`;

/** Runs each file's build_model() in Keras (needs TensorFlow): parameter count and output shapes (batch axis left out). */
export function kerasBuild(files: Map<string, string>): Record<string, { params: number; outputs: (number | null)[][] }> {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-keras-'));
  try {
    const paths = [...files].map(([name, code]) => {
      const p = join(dir, `${name}.py`);
      writeFileSync(p, code);
      return p;
    });
    const r = spawnSync('python3', ['-c', KERAS_BUILD, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
    if (r.status !== 0) throw new Error(`Keras failed: ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pyflakes (Debian's python3) over many emitted files: file name → its messages (absent when clean). */
export function pyflakes(files: Map<string, string>): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-pyflakes-'));
  try {
    for (const [name, code] of files) writeFileSync(join(dir, `${name}.py`), code);
    const r = spawnSync(DEBIAN_PYTHON, ['-m', 'pyflakes', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`pyflakes failed: ${r.stderr}`);
    const out: Record<string, string[]> = {};
    for (const line of `${r.stdout}${r.stderr}`.split('\n').filter(Boolean)) {
      const name = /^\.?\/?([^/:]+)\.py:/.exec(line)?.[1] ?? '?';
      (out[name] ??= []).push(line);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a Python script with Debian's python3 and a numpy stand-in for the
 * parts of Keras the exported files touch outside build_model() (keras.ops,
 * keras.utils, keras.datasets.mnist, base classes): the script imports the
 * emitted files (name → source, as modules) and prints one JSON value.
 * `inputs` are written beside them as JSON files.
 */
export function runWithKerasShim(script: string, files: Map<string, string>, inputs: Record<string, unknown> = {}): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-shim-'));
  try {
    mkdirSync(join(dir, 'keras'));
    mkdirSync(join(dir, 'tensorflow'));
    writeFileSync(join(dir, 'keras', '__init__.py'), KERAS_SHIM);
    writeFileSync(join(dir, 'tensorflow', '__init__.py'), '# stand-in: the exported GAN files import tensorflow at the top\n');
    for (const [name, code] of files) writeFileSync(join(dir, `${name}.py`), code);
    for (const [name, value] of Object.entries(inputs)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(value));
    const r = spawnSync(DEBIAN_PYTHON, ['-c', script], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PYTHONPATH: dir, PYTHONDONTWRITEBYTECODE: '1' } });
    if (r.status !== 0) throw new Error(`python failed: ${r.stderr.slice(-3000)}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The stand-in `keras` package: numpy ops and small base classes; MNIST is 1,000 made-up digits (100 per class). */
const KERAS_SHIM = String.raw`
import types
import numpy as np

__version__ = '3.8.0'


def _relu(x):
    return np.maximum(x, 0)


def _log_softmax(x, axis=-1):
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def _top_k(x, k):
    order = np.argsort(-x, axis=-1, kind='stable')[..., :k]
    return np.take_along_axis(x, order, axis=-1), order


ops = types.SimpleNamespace(
    relu=_relu, log1p=np.log1p, exp=np.exp, abs=np.abs, square=np.square, sum=np.sum, log_softmax=_log_softmax,
    sigmoid=lambda x: 1 / (1 + np.exp(-x)), shape=np.shape, arange=np.arange, minimum=np.minimum,
    cast=lambda x, dtype: np.asarray(x).astype(dtype), reshape=np.reshape, take=np.take, greater=np.greater,
    concatenate=np.concatenate, broadcast_to=np.broadcast_to, convert_to_tensor=np.asarray, stop_gradient=lambda x: x,
    top_k=_top_k, take_along_axis=np.take_along_axis, clip=np.clip, where=np.where, stack=np.stack, argmax=np.argmax,
    expand_dims=np.expand_dims, maximum=np.maximum, einsum=np.einsum, mean=np.mean,
)


class Layer:
    def __init__(self, name=None, **kwargs):
        self.name = name

    def __call__(self, x, **kwargs):
        return self.call(x, **kwargs)

    def get_config(self):
        return {'name': self.name}


class _Flip(Layer):
    def __init__(self, mode, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.mode, self.seed = mode, seed


layers = types.SimpleNamespace(Layer=Layer, RandomFlip=_Flip)


class PyDataset:
    def __init__(self, **kwargs):
        pass


class Callback:
    def __init__(self):
        self.model = None


def to_categorical(y, num_classes):
    y = np.asarray(y, 'int64')
    return np.eye(num_classes, dtype='float32')[y]


def get_file(name, url):
    return name  # the tests put a file of that name beside the script


def _mnist():
    rng = np.random.default_rng(0)
    sets = []
    for count in (1000, 200):
        y = np.repeat(np.arange(10), count // 10).astype('uint8')
        sets.append((rng.integers(0, 256, (count, 28, 28)).astype('uint8'), y))
    return tuple(sets)


utils = types.SimpleNamespace(to_categorical=to_categorical, get_file=get_file, PyDataset=PyDataset)
callbacks = types.SimpleNamespace(Callback=Callback)
datasets = types.SimpleNamespace(mnist=types.SimpleNamespace(load_data=_mnist))
`;
