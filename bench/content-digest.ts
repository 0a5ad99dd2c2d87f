/**
 * What the start-up content check costs (issue 14, item 2): the digest of every installed pack's
 * content rows, for the built-in pack and for a pack at the material limits (6 sessions of 256 KiB
 * material, 100 key points and 100 questions each). Run: npx tsx bench/content-digest.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltin } from '../src/core/builtin';
import { Core } from '../src/core/core';
import { alteredPacks } from '../src/core/library/content-digest';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-digest-'));
  try {
    const core = await Core.open({
      dataDir,
      appName: 'bench',
      appVersion: 'bench',
      builtin: loadBuiltin(join(__dirname, '..', 'resources')),
    });
    const time = () => {
      const runs: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        alteredPacks(core.db);
        runs.push(performance.now() - t);
      }
      return median(runs);
    };
    console.log(`built-in pack: ${time().toFixed(2)} ms per start-up check`);
    const db = core.db;
    db.pragma('foreign_keys = OFF'); // a synthetic pack without a publisher row
    db.prepare(
      `INSERT INTO packs (id, version, title, description, language, publisher_key, publisher_name, manifest,
         source_text, file_name, file_sha256, installed_at) VALUES ('big', '1', 't', '', 'zh-CN', 'k', 'n', '{}', NULL, 'f', 's', 'now')`,
    ).run();
    const material = '学习贵在坚持，每天进步一点点。'.repeat(Math.floor((256 * 1024) / 45));
    for (let s = 1; s <= 6; s++) {
      db.prepare(
        'INSERT INTO sessions (pack_id, id, ord, title, summary, material, pass_mark) VALUES (?, ?, ?, ?, ?, ?, 0.6)',
      ).run('big', `s${s}`, s, 't', '', material);
      for (let k = 1; k <= 100; k++) {
        db.prepare('INSERT INTO key_points (pack_id, session_id, id, ord, text, source) VALUES (?, ?, ?, ?, ?, ?)').run(
          'big',
          `s${s}`,
          `s${s}k${k}`,
          k,
          '要点'.repeat(40),
          '原文'.repeat(80),
        );
        db.prepare('INSERT INTO questions (pack_id, session_id, id, ord, type, data) VALUES (?, ?, ?, ?, ?, ?)').run(
          'big',
          `s${s}`,
          `s${s}q${k}`,
          k,
          'single',
          JSON.stringify({ prompt: '问题'.repeat(60), options: ['甲', '乙', '丙', '丁'] }),
        );
      }
    }
    console.log(
      `plus a pack at the material limits (${((6 * Buffer.byteLength(material)) / 1048576).toFixed(1)} MiB of material): ${time().toFixed(2)} ms`,
    );
    core.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
