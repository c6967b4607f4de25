/** How `npm test` finds Chromium before the browser tests (scripts/test-tools/chromium.ts). */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findChromium } from '../../scripts/test-tools/chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'netloom-find-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeBinary(name: string, exec = true): string {
  const p = join(dir, name);
  writeFileSync(p, '#!/bin/sh\n');
  chmodSync(p, exec ? 0o755 : 0o644);
  return p;
}

describe('findChromium', () => {
  const empty = join(dir, 'nothing-here');
  test('CHROMIUM_PATH wins when it is executable', () => {
    const p = fakeBinary('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: p, PATH: '' }, [empty])).toEqual({ ok: true, path: p, from: 'CHROMIUM_PATH' });
  });
  test('a CHROMIUM_PATH that is not executable is named, not silently replaced', () => {
    const p = fakeBinary('not-exec', false);
    const r = findChromium({ CHROMIUM_PATH: p, PATH: '' }, [fakeBinary('chromium-default')]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(p);
  });
  test('then the fixed places, then the usual names on PATH', () => {
    const fixed = fakeBinary('fixed-chromium');
    expect(findChromium({ PATH: dir }, [fixed])).toMatchObject({ ok: true, path: fixed, from: 'default' });
    const bin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(bin, 'chromium-browser'), '#!/bin/sh\n');
    chmodSync(join(bin, 'chromium-browser'), 0o755);
    expect(findChromium({ PATH: `${empty}:${bin}` }, [empty])).toEqual({ ok: true, path: join(bin, 'chromium-browser'), from: 'PATH' });
  });
  test('nothing found says where it looked', () => {
    const r = findChromium({ PATH: empty }, [empty]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/CHROMIUM_PATH.*nothing-here.*chromium-browser/);
  });
});
