import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/io.ts';

describe('CLI argument parsing', () => {
  it('takes valued options as "--name value" and "--name=value", the last one winning', () => {
    const r = parseArgs(['g.json', '--epochs', '3', '--task=classify', '-o', 'out.ts', '--epochs=4', '--json'], ['--json'], ['--epochs', '--task', '-o']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.positionals).toEqual(['g.json']);
    expect([...r.value.flags]).toEqual(['--json']);
    expect(Object.fromEntries(r.value.options)).toEqual({ '--epochs': '4', '--task': 'classify', '-o': 'out.ts' });
  });

  it('names an option that lacks its value, and an unknown one', () => {
    expect(parseArgs(['g.json', '--epochs'], [], ['--epochs'])).toEqual({ ok: false, message: '--epochs needs a value' });
    expect(parseArgs(['--epochs='], [], ['--epochs'])).toEqual({ ok: false, message: '--epochs needs a value' });
    expect(parseArgs(['--json=1'], ['--json'], [])).toEqual({ ok: false, message: 'unknown option --json=1' });
    expect(parseArgs(['--nope', 'x'], [], ['--epochs'])).toEqual({ ok: false, message: 'unknown option --nope' });
  });

  it('treats everything after -- as positionals, even option names', () => {
    const r = parseArgs(['--', '-o', '--json'], ['--json'], ['-o']);
    expect(r.ok && r.value.positionals).toEqual(['-o', '--json']);
  });
});
