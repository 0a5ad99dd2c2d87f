import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../../src/core/core';
import { DB_FILE } from '../../../src/core/db/open';
import { stateAfter, type Response, type State } from '../../fixtures/hardening/crash-ops';
import { bundleFixture, childEnv, miniPack } from './support';
import { tempDir } from '../support/temp';

const KILLS = 24;
/** Runs killed at a random moment from spawn (start-up, pack install) rather than mid-writing. */
const EARLY_KILLS = 3;

interface RunResult {
  run: number;
  profileId: number | null;
  lastSaved: number;
  killedAfterMs: number;
}

/** One writer process, SIGKILLed at a random moment; what it reported before dying. */
function runAndKill(script: string, args: string[], run: number, early: boolean): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args, String(run)], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = Date.now();
    const result: RunResult = { run, profileId: null, lastSaved: 0, killedAfterMs: 0 };
    let stderr = '';
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      result.killedAfterMs = Date.now() - started;
      child.kill('SIGKILL');
    };
    if (early) timer = setTimeout(kill, Math.random() * 1500);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'profile') result.profileId = Number(value);
        if (word === 'saved') {
          const n = Number(value);
          if (n !== result.lastSaved + 1) reject(new Error(`run ${run}: "saved ${n}" after ${result.lastSaved}`));
          result.lastSaved = n;
          // Mid-writing: kill within the next 0-250 ms (somewhere inside one of the next writes).
          if (!timer) timer = setTimeout(kill, Math.random() * 250);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`run ${run} ended by itself (code ${code}): ${stderr}`));
      else resolve(result);
    });
  });
}

function readState(db: Database.Database, profileId: number): State {
  const notes: State['notes'] = {};
  for (const r of db.prepare('SELECT session_id, text FROM notes WHERE profile_id = ?').all(profileId) as {
    session_id: string;
    text: string;
  }[]) {
    notes[r.session_id] = r.text;
  }
  const reading: State['reading'] = {};
  for (const r of db
    .prepare('SELECT session_id, position, max_position, seconds FROM reading WHERE profile_id = ?')
    .all(profileId) as { session_id: string; position: number; max_position: number; seconds: number }[]) {
    reading[r.session_id] = { position: r.position, maxPosition: r.max_position, seconds: r.seconds };
  }
  const reviewed = (
    db
      .prepare('SELECT key_point_id FROM key_point_reviews WHERE profile_id = ? ORDER BY key_point_id')
      .all(profileId) as { key_point_id: string }[]
  ).map((r) => r.key_point_id);
  const answers = db.prepare('SELECT question_id, response FROM answers WHERE attempt_id = ?');
  const attempts = (
    db.prepare('SELECT id, score FROM attempts WHERE profile_id = ? ORDER BY id').all(profileId) as {
      id: number;
      score: number | null;
    }[]
  )
    .map((a) => ({
      answers: Object.fromEntries(
        (answers.all(a.id) as { question_id: string; response: string }[]).map((r) => [
          r.question_id,
          JSON.parse(r.response) as Response,
        ]),
      ),
      score: a.score,
    }))
    .filter((a) => a.score !== null || Object.keys(a.answers).length > 0);
  const wrong = Object.fromEntries(
    (
      db.prepare('SELECT question_id, times_wrong FROM wrong_answers WHERE profile_id = ?').all(profileId) as {
        question_id: string;
        times_wrong: number;
      }[]
    ).map((r) => [r.question_id, r.times_wrong]),
  );
  return { notes, reading, reviewed, attempts, wrong };
}

describe('crash durability', () => {
  it(`keeps every write reported as saved through ${KILLS} SIGKILLs, and the database stays intact`, async () => {
    const started = Date.now();
    const dataDir = tempDir('study-crash-');
    const pack = await miniPack();
    const packFile = join(tempDir('study-crash-pack-'), 'mini.studypack');
    writeFileSync(packFile, pack.bytes);
    const script = bundleFixture('crash-writer.ts');

    const runs: RunResult[] = [];
    for (let run = 1; run <= KILLS; run++) {
      runs.push(await runAndKill(script, [dataDir, packFile, pack.publicKey], run, run <= EARLY_KILLS));
    }
    const midWriting = runs.filter((r) => r.lastSaved > 0);
    expect(midWriting.length, 'runs killed while writing').toBeGreaterThanOrEqual(20);
    // The quiz writes the architecture promises survive a crash were made and checked, not just the rest.
    expect(Math.max(...runs.map((r) => r.lastSaved)), 'some run reached a quiz.submit').toBeGreaterThanOrEqual(6);

    const db = new Database(join(dataDir, DB_FILE), { readonly: true });
    try {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      for (const r of runs.filter((x) => x.profileId !== null)) {
        const actual = readState(db, r.profileId!);
        // Everything reported is there; at most the one write in flight at the kill may be there too.
        const candidates = [stateAfter(r.run, r.lastSaved), stateAfter(r.run, r.lastSaved + 1)];
        expect(candidates, `run ${r.run} (last reported write ${r.lastSaved})`).toContainEqual(actual);
      }
    } finally {
      db.close();
    }

    // And the app opens it as it is: no recovery, no notice.
    const core = await Core.open({ dataDir, appName: 'Study Companion', appVersion: 'test' });
    expect(core.notices).toEqual([]);
    core.close();

    const writes = runs.reduce((s, r) => s + r.lastSaved, 0);
    console.log(
      `crash test: ${runs.length} SIGKILLs (${midWriting.length} mid-writing), ${writes} reported writes, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 90_000);
});
