import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { gatherEvidence } from '../../../src/core/records/evidence';
import { MAX_EVIDENCE_INTERVALS } from '../../../src/shared/contract/records';
import { openCore } from '../support/core';
import { PACK } from './seed';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

async function participant() {
  const env = await openCore();
  open.push(env.core);
  const profile = await env.call('profiles.create', { name: '张三', unit: '省委组织部' });
  return { ...env, db: env.core.db, profileId: profile.id };
}

const T = '2025-03-01T08:00:00.000Z';

function watch(db: Core['db'], profileId: number, session: string, path: string, intervals: string, ms = 0) {
  db.prepare(
    `INSERT INTO watching (profile_id, pack_id, session_id, path, intervals, ms, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(profileId, PACK, session, path, intervals, ms, T);
}

function attempt(
  db: Core['db'],
  profileId: number,
  a: { session: string; layout: string; submittedAt: string | null; score: number | null; passed: number | null },
  mode = 'quiz',
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO attempts (profile_id, pack_id, pack_version, session_id, mode, layout, pass_mark, total,
           started_at, submitted_at, score, passed) VALUES (?, ?, '1.0.0', ?, ?, ?, 0.8, 5, ?, ?, ?, ?)`,
      )
      .run(profileId, PACK, a.session, mode, a.layout, T, a.submittedAt, a.score, a.passed).lastInsertRowid,
  );
}

const sessionOf = (e: ReturnType<typeof gatherEvidence>, id: string) => e.sessions.find((s) => s.id === id)!;

describe('the evidence a record carries', () => {
  it('reads an untouched session as zero reading, no media, no attempts, not complete', async () => {
    const { db, profileId } = await participant();
    const e = gatherEvidence(db, profileId, PACK);
    expect(e.sessions.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(sessionOf(e, 's1')).toEqual({
      id: 's1',
      reading: { seconds: 0, maxPosition: 0, reachedEndAt: null, updatedAt: null },
      media: [],
      keyPoints: [],
      attempts: [],
      completedAt: null,
    });
    expect(e.profileChanges).toEqual([]);
    const created = db.prepare('SELECT created_at AS c FROM profiles WHERE id = ?').get(profileId) as { c: string };
    expect(e.profileCreatedAt).toBe(created.c);
  });

  it('carries reading, key points in review order, completion and profile changes of this participant only', async () => {
    const { db, profileId, call } = await participant();
    await call('reading.save', { sessionId: 's2', position: 0.7, reachedEnd: true, secondsDelta: 90 });
    await call('reading.save', { sessionId: 's2', position: 0.4, secondsDelta: 30 });
    const review = db.prepare(
      'INSERT INTO key_point_reviews (profile_id, pack_id, key_point_id, reviewed_at) VALUES (?, ?, ?, ?)',
    );
    review.run(profileId, PACK, 's2-kp2', '2025-03-01T08:00:00.000Z');
    review.run(profileId, PACK, 's2-kp1', '2025-03-01T09:00:00.000Z');
    review.run(profileId, PACK, 's1-kp1', '2025-03-01T07:00:00.000Z');
    db.prepare(
      'INSERT INTO session_completions (profile_id, pack_id, session_id, completed_at) VALUES (?, ?, ?, ?)',
    ).run(profileId, PACK, 's2', '2025-03-02T10:00:00.000Z');
    const change = db.prepare(
      'INSERT INTO profile_changes (profile_id, field, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?)',
    );
    change.run(profileId, 'unit', 'a', 'b', '2025-03-05T00:00:00.000Z');
    change.run(profileId, 'name', '张三', '张叁', '2025-03-04T00:00:00.000Z');
    // Another participant's study is not this record's.
    const other = await call('profiles.create', { name: '李四', unit: 'x' });
    review.run(other.id, PACK, 's2-kp3', '2025-03-01T08:30:00.000Z');
    change.run(other.id, 'name', '李四', '李肆', '2025-03-04T00:00:00.000Z');

    const e = gatherEvidence(db, profileId, PACK);
    const s2 = sessionOf(e, 's2');
    expect(s2.reading).toMatchObject({ seconds: 120, maxPosition: 0.7 });
    expect(s2.reading.reachedEndAt).toMatch(/Z$/);
    expect(s2.reading.updatedAt).toMatch(/Z$/);
    expect(s2.keyPoints).toEqual([
      { id: 's2-kp2', reviewedAt: '2025-03-01T08:00:00.000Z' },
      { id: 's2-kp1', reviewedAt: '2025-03-01T09:00:00.000Z' },
    ]);
    expect(sessionOf(e, 's1').keyPoints).toEqual([{ id: 's1-kp1', reviewedAt: '2025-03-01T07:00:00.000Z' }]);
    expect(s2.completedAt).toBe('2025-03-02T10:00:00.000Z');
    expect(sessionOf(e, 's1').completedAt).toBeNull();
    expect(e.profileChanges).toEqual([
      { field: 'name', from: '张三', to: '张叁', at: '2025-03-04T00:00:00.000Z' },
      { field: 'unit', from: 'a', to: 'b', at: '2025-03-05T00:00:00.000Z' },
    ]);
  });

  it('carries submitted quiz attempts with their asked questions and answers, not practice or open ones', async () => {
    const { db, profileId } = await participant();
    const layout = JSON.stringify({ questions: [{ id: 's1-q2' }, { id: 7 }, {}, { id: 's1-q1' }] });
    const late = attempt(db, profileId, {
      session: 's1',
      layout,
      submittedAt: '2025-03-01T10:00:00.000Z',
      score: 5,
      passed: 1,
    });
    const early = attempt(db, profileId, {
      session: 's1',
      layout: 'not json',
      submittedAt: '2025-03-01T09:00:00.000Z',
      score: 2,
      passed: null,
    });
    attempt(db, profileId, {
      session: 's1',
      layout: '{}',
      submittedAt: '2025-03-01T11:00:00.000Z',
      score: 1,
      passed: 0,
    });
    attempt(db, profileId, { session: 's1', layout, submittedAt: null, score: null, passed: null });
    attempt(db, profileId, { session: 's1', layout, submittedAt: '2025-03-01T12:00:00.000Z', score: null, passed: 0 });
    attempt(
      db,
      profileId,
      { session: 's1', layout, submittedAt: '2025-03-01T12:00:00.000Z', score: 3, passed: 1 },
      'practice',
    );
    const answer = db.prepare(
      'INSERT INTO answers (attempt_id, question_id, response, correct, answered_at) VALUES (?, ?, ?, ?, ?)',
    );
    answer.run(late, 's1-q2', '{"type":"single","option":"b"}', 1, '2025-03-01T09:59:00.000Z');
    answer.run(late, 's1-q1', 'typed, not JSON', 0, '2025-03-01T09:58:00.000Z');
    answer.run(early, 's1-q3', '{"type":"truefalse","value":false}', 0, '2025-03-01T08:59:00.000Z');

    const s1 = sessionOf(gatherEvidence(db, profileId, PACK), 's1');
    expect(s1.attempts).toEqual([
      {
        packVersion: '1.0.0',
        startedAt: T,
        submittedAt: '2025-03-01T09:00:00.000Z',
        passMark: 0.8,
        asked: [],
        score: 2,
        total: 5,
        passed: false,
        answers: [
          {
            questionId: 's1-q3',
            response: { type: 'truefalse', value: false },
            answeredAt: '2025-03-01T08:59:00.000Z',
          },
        ],
      },
      {
        packVersion: '1.0.0',
        startedAt: T,
        submittedAt: '2025-03-01T10:00:00.000Z',
        passMark: 0.8,
        asked: ['s1-q2', 's1-q1'],
        score: 5,
        total: 5,
        passed: true,
        answers: [
          { questionId: 's1-q1', response: 'typed, not JSON', answeredAt: '2025-03-01T09:58:00.000Z' },
          { questionId: 's1-q2', response: { type: 'single', option: 'b' }, answeredAt: '2025-03-01T09:59:00.000Z' },
        ],
      },
      {
        packVersion: '1.0.0',
        startedAt: T,
        submittedAt: '2025-03-01T11:00:00.000Z',
        passMark: 0.8,
        asked: [],
        score: 1,
        total: 5,
        passed: false,
        answers: [],
      },
    ]);
  });

  it('carries each recording with its seconds and its merged intervals, bounded to a day', async () => {
    const { db, profileId } = await participant();
    watch(db, profileId, 's1', 'media/b.mp4', '[[10,20],[15,30],[86000,90000],[90000,95000]]', 61_499);
    watch(db, profileId, 's1', 'media/a.mp4', '[[0,5],"junk",null,[30,"35"],["20",25],{"0":40,"1":50},[6,7]]', 1_500);
    watch(db, profileId, 's1', 'media/c.mp4', 'not json', 0);
    watch(db, profileId, 's1', 'media/d.mp4', '{"0":[1,2]}', 0);
    const other = Number(
      db
        .prepare("INSERT INTO profiles (name, unit, venue, created_at, last_used_at) VALUES ('李四', 'x', '', ?, ?)")
        .run(T, T).lastInsertRowid,
    );
    watch(db, other, 's1', 'media/e.mp4', '[[0,1]]', 1000);
    watch(db, profileId, 's2', 'media/f.mp4', '[[0,1]]', 1000);

    const media = sessionOf(gatherEvidence(db, profileId, PACK), 's1').media;
    expect(media).toEqual([
      {
        id: 'media/a.mp4',
        seconds: 2,
        intervals: [
          [0, 5],
          [6, 7],
        ],
      },
      {
        id: 'media/b.mp4',
        seconds: 61,
        intervals: [
          [10, 30],
          [86000, 86400],
        ],
      },
      { id: 'media/c.mp4', seconds: 0, intervals: [] },
      { id: 'media/d.mp4', seconds: 0, intervals: [] },
    ]);
  });

  it('keeps the longest stretches, in time order, when a union is longer than a record may carry', async () => {
    const { db, profileId } = await participant();
    const n = MAX_EVIDENCE_INTERVALS + 2;
    // Stretch i starts at 10 i; two are shorter than every other, and lengths vary, so that an
    // order by length differs from the order in time.
    const all = Array.from({ length: n }, (_, i): [number, number] => [10 * i, 10 * i + 1 + (i % 7) / 10]);
    all[3] = [30, 30.25];
    all[n - 5] = [10 * (n - 5), 10 * (n - 5) + 0.5];
    watch(db, profileId, 's1', 'media/long.mp4', JSON.stringify(all), 0);
    const kept = sessionOf(gatherEvidence(db, profileId, PACK), 's1').media[0]!.intervals!;
    expect(kept).toHaveLength(MAX_EVIDENCE_INTERVALS);
    expect(kept).toEqual(all.filter((_, i) => i !== 3 && i !== n - 5));
  });

  it('keeps a union of exactly the limit as it is', async () => {
    const { db, profileId } = await participant();
    const all = Array.from({ length: MAX_EVIDENCE_INTERVALS }, (_, i): [number, number] => [10 * i, 10 * i + 1]);
    watch(db, profileId, 's1', 'media/edge.mp4', JSON.stringify(all), 0);
    expect(sessionOf(gatherEvidence(db, profileId, PACK), 's1').media[0]!.intervals).toEqual(all);
  });
});
