import type Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AskedQuestion, QuizResponse } from '../src/shared/contract/quiz';
import type { Question } from '../src/shared/pack/schema';
import { openBenchCore, type BenchContext, type BenchCore } from './lib/app';
import { bytes, count, ms, ratio, type FigureResult, type Row } from './lib/format';
import { median, now, percentile } from './lib/stats';

/**
 * Figure 3: recording one quiz answer the way the UI does (`quiz.answer` through the dispatcher
 * both hosts use), timed until the call returns, i.e. after the SQLite commit with the app's own
 * pragmas (WAL, synchronous=FULL: the WAL is fsynced on every commit). Baseline: what many
 * Electron apps do instead, the whole progress state rewritten as one JSON file per change
 * (stringify, writeFileSync to a temp file, fsync, rename over the old file).
 */

/** A valid, non-blank response to `q`; `i` varies it so every write really changes something. */
function responseFor(q: Pick<Question, 'type'> & { options?: { id: string }[] }, i: number): QuizResponse {
  const ids = (q.options ?? []).map((o) => o.id);
  switch (q.type) {
    case 'single':
      return { type: 'single', option: ids[i % ids.length]! };
    case 'multiple':
      return { type: 'multiple', options: [ids[i % ids.length]!] };
    case 'truefalse':
      return { type: 'truefalse', value: i % 2 === 0 };
    case 'fill':
      return { type: 'fill', text: `answer ${i}` };
  }
}

/**
 * `n` submitted answers of this profile, as a long-time participant would have them: whole quiz
 * attempts over the six sessions, inserted with direct SQL in one transaction.
 */
function seedHistory(db: Database.Database, profileId: number, packId: string, n: number): void {
  const rows = db
    .prepare('SELECT id, session_id, data FROM questions WHERE pack_id = ? ORDER BY session_id, ord')
    .all(packId) as { id: string; session_id: string; data: string }[];
  const bySession = new Map<string, Question[]>();
  for (const r of rows)
    bySession.set(r.session_id, [...(bySession.get(r.session_id) ?? []), JSON.parse(r.data) as Question]);
  const sessions = [...bySession.entries()];
  const version = (db.prepare('SELECT version FROM packs WHERE id = ?').get(packId) as { version: string }).version;
  const attempt = db.prepare(
    `INSERT INTO attempts (profile_id, pack_id, pack_version, session_id, mode, layout, pass_mark, total, started_at,
       submitted_at, score, passed) VALUES (?, ?, ?, ?, 'quiz', ?, 0.8, ?, ?, ?, ?, ?)`,
  );
  const answer = db.prepare(
    'INSERT INTO answers (attempt_id, question_id, response, correct, answered_at) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    let left = n;
    for (let k = 0; left > 0; k++) {
      const [sessionId, questions] = sessions[k % sessions.length]!;
      const asked = questions.slice(0, left);
      const layout = {
        questions: asked.map((q) => ({ id: q.id, options: 'options' in q ? q.options.map((o) => o.id) : [] })),
      };
      const at = new Date(Date.UTC(2025, 0, 1) + k * 60_000).toISOString();
      const id = Number(
        attempt.run(profileId, packId, version, sessionId, JSON.stringify(layout), asked.length, at, at, 0, 0)
          .lastInsertRowid,
      );
      asked.forEach((q, j) => answer.run(id, q.id, JSON.stringify(responseFor(q, k + j)), (k + j) % 2, at));
      left -= asked.length;
    }
  })();
}

interface JsonState {
  profileId: number;
  attempts: Array<Record<string, unknown> & { id: number; answers: Record<string, unknown> }>;
  reading: unknown[];
  keyPointReviews: unknown[];
  notes: unknown[];
}

/** The same progress the database holds for the profile, as one JSON document. */
function stateFromDb(db: Database.Database, profileId: number): JsonState {
  const attempts = (
    db.prepare('SELECT * FROM attempts WHERE profile_id = ? ORDER BY id').all(profileId) as Array<
      Record<string, unknown> & { id: number }
    >
  ).map((a) => ({ ...a, answers: {} as Record<string, unknown> }));
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const answers = db
    .prepare('SELECT a.* FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE t.profile_id = ?')
    .all(profileId) as {
    attempt_id: number;
    question_id: string;
    response: string;
    correct: number | null;
    answered_at: string;
  }[];
  for (const a of answers) {
    byId.get(a.attempt_id)!.answers[a.question_id] = {
      response: JSON.parse(a.response) as unknown,
      correct: a.correct,
      answeredAt: a.answered_at,
    };
  }
  const all = (table: string) => db.prepare(`SELECT * FROM ${table} WHERE profile_id = ?`).all(profileId);
  return {
    profileId,
    attempts,
    reading: all('reading'),
    keyPointReviews: all('key_point_reviews'),
    notes: all('notes'),
  };
}

/** One durable JSON rewrite of the whole state, the usual atomic-write pattern. */
function writeJson(file: string, state: JsonState): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

interface Level {
  bench: BenchCore;
  attemptId: number;
  questions: AskedQuestion[];
  state: JsonState;
  jsonFile: string;
  close(): void;
}

async function prepare(ctx: BenchContext, prior: number): Promise<Level> {
  const dataDir = ctx.dir(`writes-${prior}`);
  const bench = await openBenchCore(ctx, dataDir);
  const profile = await bench.call('profiles.create', { name: 'Bench participant', unit: 'Bench unit' });
  const packId = bench.core.library.resolve();
  const t0 = now();
  seedHistory(bench.core.db, profile.id, packId, prior);
  ctx.log(`writes: seeded ${count(prior)} prior answers in ${ms(now() - t0)}`);
  const attempt = await bench.call('quiz.start', { sessionId: 's1' });
  const state = stateFromDb(bench.core.db, profile.id);
  return {
    bench,
    attemptId: attempt.attemptId,
    questions: attempt.questions,
    state,
    jsonFile: join(dataDir, 'progress.json'),
    close: () => bench.core.close(),
  };
}

/** `n` answers through quiz.answer; write `i` answers question i mod k, so the history size stays put. */
async function sqliteWrites(level: Level, n: number, offset = 0): Promise<number[]> {
  const times: number[] = [];
  const qs = level.questions;
  for (let i = offset; i < offset + n; i++) {
    const q = qs[i % qs.length]!;
    const input = { attemptId: level.attemptId, questionId: q.id, response: responseFor(q, i) };
    const t0 = now();
    const reply = await level.bench.dispatch('quiz.answer', input);
    times.push(now() - t0);
    if (!reply.ok) throw new Error(`quiz.answer: ${reply.error.code} ${reply.error.message}`);
  }
  return times;
}

/** The same `n` changes applied to the JSON state, each followed by a durable rewrite of it all. */
function jsonWrites(level: Level, n: number): number[] {
  const times: number[] = [];
  const qs = level.questions;
  const open = level.state.attempts.find((a) => a.id === level.attemptId)!;
  for (let i = 0; i < n; i++) {
    const q = qs[i % qs.length]!;
    const t0 = now();
    open.answers[q.id] = { response: responseFor(q, i), correct: null, answeredAt: new Date().toISOString() };
    writeJson(level.jsonFile, level.state);
    times.push(now() - t0);
  }
  return times;
}

function rowsFor(label: string, sql: number[], json: number[]): Row[] {
  return [
    {
      figure: `progress write, ${label}: median (${count(sql.length)} writes)`,
      measured: ms(median(sql)),
      baseline: `JSON file rewrite: ${ms(median(json))}`,
      ratio: ratio(median(sql), median(json)),
    },
    {
      figure: `progress write, ${label}: p99`,
      measured: ms(percentile(sql, 99)),
      baseline: `JSON file rewrite: ${ms(percentile(json, 99))}`,
      ratio: ratio(percentile(sql, 99), percentile(json, 99)),
    },
  ];
}

export async function writes(ctx: BenchContext): Promise<FigureResult> {
  const q = ctx.quick;
  const plan = {
    low: { prior: 100, sql: q ? 1000 : 10_000, json: q ? 1000 : 10_000 },
    high: { prior: q ? 10_000 : 100_000, sql: q ? 200 : 1000, json: q ? 10 : 30 },
    sync: { blocks: q ? 4 : 10, perBlock: q ? 50 : 100 },
  };
  const rows: Row[] = [];
  const notes: string[] = [];

  const low = await prepare(ctx, plan.low.prior);
  const syncMode = low.bench.core.db.pragma('synchronous', { simple: true }) as number;
  const journal = low.bench.core.db.pragma('journal_mode', { simple: true }) as string;
  let lowSql: number[];
  let lowJson: number[];
  const full: number[] = [];
  const normal: number[] = [];
  try {
    ctx.log(`writes: ${count(plan.low.sql)} quiz.answer calls at ${plan.low.prior} prior answers`);
    lowSql = await sqliteWrites(low, plan.low.sql);
    ctx.log(`writes: ${count(plan.low.json)} JSON rewrites`);
    lowJson = jsonWrites(low, plan.low.json);
    notes.push(
      `progress write: quiz.answer (the call the quiz screen makes per answer) through createDispatch; journal_mode=${journal}, ` +
        `synchronous=${syncMode} (2 = FULL) as the app opens the database. Each write answers one of the open attempt's questions ` +
        `with a new response, so the answers table keeps its size. JSON state at ${plan.low.prior} prior answers: ${bytes(statSync(low.jsonFile).size)}.`,
    );

    // FULL against NORMAL on the same database, in alternating blocks.
    ctx.log(`writes: synchronous FULL vs NORMAL, ${plan.sync.blocks} blocks of ${plan.sync.perBlock} each`);
    let offset = 0;
    for (let b = 0; b < plan.sync.blocks; b++) {
      for (const mode of ['FULL', 'NORMAL'] as const) {
        low.bench.core.db.pragma(`synchronous = ${mode}`);
        (mode === 'FULL' ? full : normal).push(...(await sqliteWrites(low, plan.sync.perBlock, offset)));
        offset += plan.sync.perBlock;
      }
    }
    low.bench.core.db.pragma('synchronous = FULL');
  } finally {
    low.close();
  }
  rows.push(...rowsFor(`${count(plan.low.prior)} prior answers`, lowSql, lowJson));

  const high = await prepare(ctx, plan.high.prior);
  try {
    ctx.log(`writes: ${count(plan.high.sql)} quiz.answer calls at ${count(plan.high.prior)} prior answers`);
    const highSql = await sqliteWrites(high, plan.high.sql);
    ctx.log(`writes: ${count(plan.high.json)} JSON rewrites`);
    const highJson = jsonWrites(high, plan.high.json);
    rows.push(...rowsFor(`${count(plan.high.prior)} prior answers`, highSql, highJson));
    notes.push(
      `progress write at ${count(plan.high.prior)} prior answers: JSON state ${bytes(statSync(high.jsonFile).size)}, ` +
        `${count(plan.high.json)} JSON rewrites (fewer, as each rewrites the whole file; with so few, their p99 is their maximum).`,
    );
  } finally {
    high.close();
  }

  rows.push({
    figure: `progress write, synchronous=FULL vs NORMAL: median (${count(full.length)} each)`,
    measured: `FULL ${ms(median(full))}`,
    baseline: `NORMAL: ${ms(median(normal))}`,
    ratio: ratio(median(full), median(normal)),
  });
  notes.push(
    `synchronous: FULL p99 ${ms(percentile(full, 99))}, NORMAL p99 ${ms(percentile(normal, 99))} ` +
      `(${plan.sync.blocks} alternating blocks of ${plan.sync.perBlock} writes each, same database, ${plan.low.prior} prior answers).`,
  );
  return { rows, notes };
}
