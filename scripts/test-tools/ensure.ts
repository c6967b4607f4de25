/**
 * Runs before `npm test` (and from .ci/run through it): makes sure the tools
 * the tests need are here, so the README's test command works on a fresh
 * machine by itself.
 *
 * - Chromium (browser tests): found, or installed with apt when we are root
 *   on Debian/Ubuntu, or the run stops here with one line saying what to do.
 * - Korean fonts (the Korean screenshots): installed the same way when
 *   missing; elsewhere a one-line warning (tests still pass, screenshots
 *   would show boxes).
 * - pyflakes, numpy, torch and onnx for Debian's python3 (the Keras and PyTorch export checks):
 *   installed the same way when missing; elsewhere a one-line warning, and
 *   those tests are skipped by name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { canAptInstall, findChromium, INSTALL_HINT } from './chromium.ts';
import { debianPythonHas, PYTHON_PACKAGES } from './python.ts';

const say = (line: string) => console.log(`test tools: ${line}`);

function aptInstall(packages: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[], env };
  if (spawnSync('apt-get', ['update', '-qq'], quiet).status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], quiet).status === 0;
}

function hasKoreanFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

let chromium = findChromium();
if (!chromium.ok && process.env.CHROMIUM_PATH) {
  // The user said where Chromium is: installing another one would hide their mistake.
  console.error(`test tools: ${chromium.reason}: point it at a Chromium or Chrome binary, or unset it.`);
  process.exit(1);
}
if (!chromium.ok) {
  if (!canAptInstall()) {
    console.error(`test tools: the browser tests need Chromium: ${chromium.reason}. To run the tests, ${INSTALL_HINT}.`);
    process.exit(1);
  }
  say(`${chromium.reason}; installing Debian's chromium and the Korean (CJK) fonts with apt-get (one time, about a minute)`);
  if (!aptInstall(['chromium', 'fonts-liberation', 'fonts-noto-cjk'])) {
    console.error(`test tools: apt-get could not install chromium. To run the tests, ${INSTALL_HINT}.`);
    process.exit(1);
  }
  chromium = findChromium();
  if (!chromium.ok) {
    console.error(`test tools: apt-get finished but ${chromium.reason}. To run the tests, ${INSTALL_HINT}.`);
    process.exit(1);
  }
}

if (!hasKoreanFont()) {
  if (canAptInstall()) {
    say('no Korean font for the Korean screenshots; installing fonts-noto-cjk with apt-get');
    if (!aptInstall(['fonts-noto-cjk'])) say('fonts-noto-cjk could not be installed: Korean screenshots will show boxes instead of letters');
  } else {
    say('no Korean font found (fc-list :lang=ko): Korean screenshots will show boxes; `sudo apt-get install fonts-noto-cjk` fixes that');
  }
}

const pyMissing = PYTHON_PACKAGES.filter((p) => !debianPythonHas(p.module)).map((p) => p.apt);
if (pyMissing.length) {
  if (canAptInstall()) {
    say(`installing ${pyMissing.join(' and ')} with apt-get (the Keras and PyTorch export checks run pyflakes, numpy, torch and onnx)`);
    if (!aptInstall(pyMissing)) say(`${pyMissing.join(' and ')} could not be installed: the export tests that need them will be skipped, by name`);
  } else {
    say(`no ${pyMissing.join(' or ')} for /usr/bin/python3: the export tests that need them will be skipped, by name; \`sudo apt-get install ${pyMissing.join(' ')}\` runs them`);
  }
}

say(`Chromium ${chromium.path}${chromium.from === 'CHROMIUM_PATH' ? ' (from CHROMIUM_PATH)' : ''}`);
