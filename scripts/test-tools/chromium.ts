/**
 * Where the browser tests find Chromium: CHROMIUM_PATH, then Debian's
 * /usr/bin/chromium, then the usual names on PATH. Shared by the step that
 * runs before `npm test` (scripts/test-tools/ensure.ts) and the browser
 * tests themselves (tests/browser/chromium.ts), so they never disagree.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Names Chromium (or Chrome) goes by on Linux distributions. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, path = process.env.PATH): string | undefined {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const p = join(dir, name);
    if (executable(p)) return p;
  }
  return undefined;
}

export type ChromiumLookup = { ok: true; path: string; from: 'CHROMIUM_PATH' | 'default' | 'PATH' } | { ok: false; reason: string };

/** Fixed places looked at before PATH. */
export const CHROMIUM_DEFAULTS = ['/usr/bin/chromium'];

export function findChromium(env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = CHROMIUM_DEFAULTS): ChromiumLookup {
  const set = env.CHROMIUM_PATH;
  if (set) {
    return executable(set)
      ? { ok: true, path: set, from: 'CHROMIUM_PATH' }
      : { ok: false, reason: `CHROMIUM_PATH is set to ${set}, which is not an executable file` };
  }
  for (const p of defaults) if (executable(p)) return { ok: true, path: p, from: 'default' };
  for (const name of CHROMIUM_NAMES) {
    const p = onPath(name, env.PATH);
    if (p) return { ok: true, path: p, from: 'PATH' };
  }
  return { ok: false, reason: `no Chromium found (looked at CHROMIUM_PATH, ${defaults.join(', ')} and ${CHROMIUM_NAMES.join(', ')} on PATH)` };
}

/** The one line that tells a user how to get Chromium themselves. */
export const INSTALL_HINT =
  'install it with `sudo apt-get install -y chromium fonts-noto-cjk` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary';

/** Debian or Ubuntu with apt-get, run as root: the case where we may install packages ourselves. */
export function canAptInstall(): boolean {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let debianLike = existsSync('/etc/debian_version');
  try {
    debianLike ||= /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    // no os-release: rely on debian_version
  }
  return root && debianLike && !!onPath('apt-get');
}
