/**
 * The Python the export tests run beside python3's own py_compile:
 * Debian's python3 (/usr/bin/python3) with pyflakes (unused imports and
 * results, shadowed names), numpy (the exported loss, metric, layer and
 * data code run under a small numpy stand-in for keras.ops) torch (the
 * PyTorch export built, loaded with weights and run) and onnx (its ONNX
 * files checked). Debian's, not
 * the first python3 on PATH: a pyenv or venv python3 does not see Debian's
 * packages. Shared by scripts/test-tools/ensure.ts, which installs them, and
 * the tests, which skip by name what cannot run.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const DEBIAN_PYTHON = '/usr/bin/python3';

/** Module → the Debian package that brings it. */
export const PYTHON_PACKAGES = [
  { module: 'pyflakes', apt: 'python3-pyflakes' },
  { module: 'numpy', apt: 'python3-numpy' },
  { module: 'torch', apt: 'python3-torch' },
  { module: 'onnx', apt: 'python3-onnx' },
] as const;

export type PythonModule = (typeof PYTHON_PACKAGES)[number]['module'];

/** Whether Debian's python3 can import `module`. */
export function debianPythonHas(module: PythonModule): boolean {
  return existsSync(DEBIAN_PYTHON) && spawnSync(DEBIAN_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** Why a test that needs `module` cannot run here (null: it can), in one line naming the fix. */
export function missingPython(module: PythonModule): string | null {
  if (debianPythonHas(module)) return null;
  const apt = PYTHON_PACKAGES.find((p) => p.module === module)!.apt;
  return existsSync(DEBIAN_PYTHON) ? `${DEBIAN_PYTHON} has no ${module}: sudo apt-get install ${apt}` : `no ${DEBIAN_PYTHON} (Debian's python3 with ${apt})`;
}
