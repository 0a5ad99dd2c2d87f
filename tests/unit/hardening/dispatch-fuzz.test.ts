import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../../src/core/api/dispatch';
import { Core } from '../../../src/core/core';
import { callNames, contract, type CallName } from '../../../src/shared/contract';
import { errorCodes } from '../../../src/shared/errors';
import { miniPack, suiteDir } from './support';

/**
 * The IPC/HTTP boundary under random and malformed input: for every contract entry, whatever the
 * renderer (or a page that got hold of the transport) sends, the dispatcher answers with a typed
 * error or an ok reply that matches the call's output schema. It never throws, never answers
 * INTERNAL (which would mean a handler crashed on input its schema let through), and a call that
 * answered with an error left the database exactly as it was.
 */

const RUNS_PER_CALL = Number(process.env.FUZZ_RUNS ?? 60);
/** A new seed every run finds new cases; a failure prints its seed so the same run can be replayed. */
const SEED =
  process.env.FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 0x1_0000_0000) : Number(process.env.FUZZ_SEED);
const replay = `replay with FUZZ_SEED=${SEED} npx vitest run tests/unit/hardening/dispatch-fuzz.test.ts`;
console.log(`dispatch fuzz seed ${SEED} (${replay})`);

let core: Core;
let dispatch: Dispatch;
let tables: string[];

beforeAll(async () => {
  const pack = await miniPack();
  const packFile = join(suiteDir('study-fuzz-pack-'), 'mini.studypack');
  writeFileSync(packFile, pack.bytes);
  core = await Core.open({
    dataDir: suiteDir('study-fuzz-'),
    appName: 'Study Companion',
    appVersion: 'fuzz',
    builtin: { packFile, publicKey: pack.publicKey, publisherName: 'Fuzz organisers' },
  });
  const unexpected: unknown[] = [];
  dispatch = createDispatch(core, (e) => unexpected.push(e));
  // Some state for calls to work on: a PIN-protected profile and an active one with progress.
  await dispatch('profiles.create', { name: 'PIN holder', unit: 'x', pin: '2468' });
  await dispatch('profiles.create', { name: 'Fuzz', unit: 'y' });
  await dispatch('note.save', { sessionId: 's1', text: 'before' });
  tables = (
    core.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
});
afterAll(() => core.close());

/** Row count and content hash of every table (rows sorted, so storage order does not matter). */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows = (core.db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) =>
      JSON.stringify(r, (_k, v: unknown) =>
        Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v,
      ),
    );
    rows.sort();
    out[t] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

// ---- payloads -----------------------------------------------------------------------------------

/** Anything a structured clone (IPC) or JSON (HTTP) can carry, odd types included. */
const anyValue = fc.anything({
  maxDepth: 2,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: true,
});

const weirdStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "'; DROP TABLE profiles; --",
  '张三',
  'x'.repeat(300),
  '\ud800',
  'NaN',
);
const weirdNumbers = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.5,
  2,
  1e12,
  -1e12,
  Number.MAX_SAFE_INTEGER,
  NaN,
  Infinity,
  -Infinity,
);

/** Values that are sometimes right for a field of this name: they get calls past validation. */
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  packId: fc.constantFrom('mini-pack', 'nope', 'MINI-PACK', undefined),
  sessionId: fc.constantFrom('s1', 's2', 's3', 'S1'),
  keyPointId: fc.constantFrom('kp-steps', 'kp-persist', 'kp-practice', 'kp-none'),
  questionId: fc.constantFrom('q-single', 'q-truefalse', 'q-multiple', 'q-none'),
  id: fc.constantFrom(1, 2, 3, 0, -1, 1.5),
  attemptId: fc.oneof(fc.constantFrom(1, 2, 99, 0, -1), fc.uuid()),
  importId: fc.oneof(fc.uuid(), fc.constantFrom(1, 'x')),
  uploadId: fc.oneof(fc.uuid(), fc.constant(randomUUID()), fc.constant('x')),
  pin: fc.constantFrom('2468', '1357', '12', 'abcd', '123456789'),
  name: fc.oneof(fc.constantFrom('李四', 'A'), fc.string({ maxLength: 100 })),
  unit: fc.constantFrom('省纪委', ''),
  venue: fc.constantFrom('', '分会场'),
  text: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('y'.repeat(100_001))),
  query: fc.constantFrom('学习', 'st', 'Study', '"', '*', 'NEAR(', 'a OR', ')'),
  position: fc.constantFrom(0, 0.5, 1, 1.5, -0.1),
  secondsDelta: fc.constantFrom(0, 5, 3600, 3601, -1, 1.5),
  reachedEnd: fc.boolean(),
  reviewed: fc.boolean(),
  trustPublisher: fc.boolean(),
  allowDowngrade: fc.boolean(),
  fileName: fc.constantFrom('pack.studypack', '../../x', ''),
  size: fc.constantFrom(1, 10, 1024, 0, 600 * 1024 * 1024),
  offset: fc.constantFrom(0, 1, 4, -1),
  data: fc.constantFrom('AAAA', 'UEsDBA==', '', 'not base64!'),
  language: fc.constantFrom('zh-CN', 'en', 'fr', null),
  textScale: fc.constantFrom(0.8, 1, 2, 0.5, 3),
  mode: fc.constantFrom('practice', 'exam', 'review', 'x'),
  format: fc.constantFrom('csv', 'xlsx', 'json', 'pdf', 'x'),
  response: fc.oneof(fc.constantFrom(['a'], ['b'], ['review', 'practice'], true, false, 'a', []), anyValue),
  files: fc.oneof(fc.constant([]), fc.array(fc.record({ name: fc.string(), data: fc.string() }), { maxLength: 2 })),
  roster: fc.oneof(fc.constant([]), fc.constant(null), anyValue),
};

const fieldValue = (key: string) =>
  fc.oneof(
    { weight: 4, arbitrary: plausible[key] ?? anyValue },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: weirdStrings },
    { weight: 1, arbitrary: weirdNumbers },
  );

function payloadFor(name: CallName): fc.Arbitrary<unknown> {
  const shape = (contract[name].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const keys = Object.keys(shape);
  const fields = Object.fromEntries(keys.map((k) => [k, fieldValue(k)]));
  const shaped = fc.record(fields, { requiredKeys: [] });
  const withExtras = fc
    .tuple(
      shaped,
      fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString'), anyValue),
    )
    .map(([a, b]) => Object.assign(Object.create(null) as object, b, a));
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 1, arbitrary: withExtras },
    { weight: 2, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], '', 0, true, {}) },
  );
}

describe('dispatcher fuzz: every contract call, random and malformed payloads', () => {
  const tally = { ok: 0, errors: 0, byCode: new Map<string, number>() };
  afterAll(() => {
    const codes = [...tally.byCode].map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(
      `dispatch fuzz: ${callNames.length} calls x ${RUNS_PER_CALL}: ${tally.ok} ok, ${tally.errors} errors (${codes}); ${replay}`,
    );
  });

  it.each(callNames.map((n) => [n]))('%s', async (name) => {
    await fc.assert(
      fc.asyncProperty(payloadFor(name), async (payload) => {
        const before = snapshot();
        let reply: Awaited<ReturnType<Dispatch>>;
        try {
          reply = await dispatch(name, payload);
        } catch (e) {
          throw new Error(`${name} threw instead of replying: ${String(e)}`);
        }
        if (reply.ok) {
          tally.ok++;
          const out = contract[name].output.safeParse(reply.value);
          expect(out.success, `${name} ok reply does not match its output schema: ${out.error?.message}`).toBe(true);
        } else {
          tally.errors++;
          tally.byCode.set(reply.error.code, (tally.byCode.get(reply.error.code) ?? 0) + 1);
          expect(errorCodes).toContain(reply.error.code);
          expect(typeof reply.error.message).toBe('string');
          expect(reply.error.message.length).toBeGreaterThan(0);
          expect(reply.error.code, `${name}: ${reply.error.message}`).not.toBe('INTERNAL');
          // The one error that must write: a wrong PIN is counted (throttling survives restarts).
          const after = snapshot();
          if (reply.error.code === 'PIN_WRONG') after.pin_attempts = before.pin_attempts!;
          expect(after, `${name} answered ${reply.error.code} but changed the database`).toEqual(before);
        }
        // Whatever crosses back over IPC/HTTP must survive JSON (the browser host's transport).
        expect(() => JSON.stringify(reply)).not.toThrow();
      }),
      // Every call gets the same seed, so one FUZZ_SEED replays any of them (fast-check's own
      // failure report adds the path to the smallest failing case).
      { numRuns: RUNS_PER_CALL, seed: SEED },
    );
  });
});
