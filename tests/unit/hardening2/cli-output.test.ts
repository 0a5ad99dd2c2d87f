import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeForTerminal } from '../../../src/cli/terminal-safe';
import { main } from '../../../src/cli/studypack';
import { keys, miniFiles, signedEntries, tempDir } from '../packs/helpers/pack';
import { rawZip } from '../packs/helpers/rawZip';

// Anything a terminal would act on: C0 controls (ESC, NUL, BEL, CR), DEL, C1 (CSI), bidi overrides.
const UNSAFE_OUTPUT = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('item 9: the studypack CLI never prints hostile characters raw', () => {
  it('escapes ESC, NUL, C1, bidi and zero-width characters as visible escapes', () => {
    expect(escapeForTerminal('a\u001b[2Jb\u0000c\u009bd\u202ee\u200bf\nx')).toBe(
      'a\\x1b[2Jb\\x00c\\x9bd\\u202ee\\u200bf\\nx',
    );
    expect(escapeForTerminal('第一讲 sessions/s1/material.md')).toBe('第一讲 sessions/s1/material.md');
  });

  it.each([
    ['ESC sequence', 'sessions/\u001b]0;pwned\u0007\u001b[31mred.md'],
    ['NUL', 'sessions/nul\u0000.md'],
    ['right-to-left override', 'sessions/\u202egpj.md'],
    ['C1 CSI', 'sessions/\u009b31mx.md'],
  ])('a pack with an entry name holding %s: stderr names it escaped', async (_what, name) => {
    const dir = tempDir();
    const file = join(dir, 'hostile.studypack');
    const entries = [...signedEntries(miniFiles(), keys().a.privateKeyPem), { name, data: Buffer.from('x') }];
    writeFileSync(file, rawZip(entries));
    for (const command of ['verify', 'inspect']) {
      const r = await run(command, file);
      expect(r.code).toBe(1);
      expect(r.err.length).toBeGreaterThan(0);
      for (const line of [...r.out, ...r.err]) expect(line).not.toMatch(UNSAFE_OUTPUT);
    }
  });

  it('usage text still prints as separate readable lines', async () => {
    const r = await run('--help');
    expect(r.out.length).toBeGreaterThan(5);
    expect(r.out.some((l) => l.includes('\\n'))).toBe(false);
  });
});
