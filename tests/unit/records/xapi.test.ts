import validate from 'xapi-validation';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { isoDuration } from '../../../src/core/records/xapi';
import { seededCore } from './seed';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

interface Statement {
  id: string;
  actor: Record<string, unknown> & { account: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string; definition: Record<string, unknown> };
  result: {
    success?: boolean;
    completion?: boolean;
    duration?: string;
    response?: string;
    score?: Record<string, number>;
  };
  timestamp: string;
}

const VERB = 'http://adlnet.gov/expapi/verbs/';
const ISO_DURATION = /^P(?=\d|T\d)(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

async function statements() {
  const seeded = await seededCore();
  open.push(seeded.core);
  const file = await seeded.call('records.export', { format: 'xapi', language: 'en' });
  return { ...seeded, file, list: JSON.parse(file.content) as Statement[] };
}

describe('xAPI statements export', () => {
  it('passes the xapi-validation package with no warning for any statement', async () => {
    const { list } = await statements();
    expect(list.length).toBe(4 + 4 + 3 + 1); // 8 answers, 3 submitted attempts, 1 completed session
    for (const s of list) expect(validate(s), JSON.stringify(s)).toEqual([]);
  });

  it('follows the cmi5 rules: passed/failed carry success, completed carries completion, all a duration', async () => {
    const { list } = await statements();
    const by = (v: string) => list.filter((s) => s.verb.id === VERB + v);
    expect(by('passed')).toHaveLength(1);
    expect(by('failed')).toHaveLength(2);
    expect(by('completed')).toHaveLength(1);
    for (const s of by('passed')) expect(s.result.success).toBe(true);
    for (const s of by('failed')) expect(s.result.success).toBe(false);
    for (const s of by('completed')) expect(s.result.completion).toBe(true);
    for (const s of [...by('passed'), ...by('failed'), ...by('completed')]) {
      expect(s.result.duration).toMatch(ISO_DURATION);
    }
    const passed = by('passed')[0]!;
    expect(passed.result.score).toEqual({ scaled: 6 / 7, raw: 6, min: 0, max: 7 });
    expect(passed.result.duration).toBe('PT4M');
    expect(by('failed')[0]!.result.duration).toBe('PT5M30.25S');
    expect(by('failed')[1]!.result.score).toEqual({ scaled: 0, raw: 0, min: 0, max: 6 });
    expect(by('completed')[0]!.result.duration).toBe('PT10M'); // 600 s of reading
    expect(passed.object.id).toBe('https://study-companion.local/xapi/packs/hubei-special-training-class/sessions/s1');
  });

  it('describes each answer as a cmi.interaction derived from pack, session and question ids', async () => {
    const { list } = await statements();
    const answered = list.filter((s) => s.verb.id === VERB + 'answered');
    const q = (id: string) => answered.find((s) => s.object.id.endsWith(`/questions/${id}`))!;
    expect(q('s1-q1').object.id).toBe(
      'https://study-companion.local/xapi/packs/hubei-special-training-class/sessions/s1/questions/s1-q1',
    );
    for (const s of answered)
      expect(s.object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
    expect(q('s1-q1').object.definition).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['a'] });
    expect(q('s1-q2').object.definition).toMatchObject({ correctResponsesPattern: ['a[,]b[,]c'] });
    expect(q('s1-q2').result).toEqual({ response: 'a[,]c', success: false });
    expect(q('s1-q3').object.definition).toMatchObject({ interactionType: 'true-false' });
    expect(q('s1-q3').result).toEqual({ response: 'true', success: true });
    expect(q('s1-q4').object.definition).toMatchObject({ interactionType: 'fill-in' });
    expect(q('s1-q4').result.response).toBe('Six');
  });

  it('identifies the participant by one account and gives stable UUIDs and zoned timestamps', async () => {
    const { list, call, profile } = await statements();
    for (const s of list) {
      const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => k in s.actor);
      expect(ifis).toEqual(['account']);
      expect(s.actor.account.homePage).toMatch(/^https:\/\/study-companion\.local\/installations\/[0-9a-f-]{36}$/);
      expect(s.actor.account.name).toBe(String(profile.id));
      expect(s.actor.name).toBe('张三, "老张"');
      expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(s.timestamp).toMatch(/(Z|[+-]\d\d:\d\d)$/);
    }
    expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
    const again = JSON.parse((await call('records.export', { format: 'xapi' })).content) as Statement[];
    expect(again.map((s) => s.id)).toEqual(list.map((s) => s.id));
  });

  it('leaves out practice and unsubmitted attempts', async () => {
    const { core, call, profile } = await seededCore();
    open.push(core);
    const before = JSON.parse((await call('records.export', { format: 'xapi' })).content) as Statement[];
    // Submitted, scored practice runs with answers, as the quiz engine writes them (passed stays NULL):
    // one on a session that has no quiz attempt, one across all sessions.
    const attempt = core.db.prepare(
      `INSERT INTO attempts (profile_id, pack_id, pack_version, session_id, mode, layout, pass_mark, total,
         started_at, submitted_at, score, passed)
       VALUES (?, 'hubei-special-training-class', '1.0.0', ?, 'practice', '{}', 0.8, 2,
         '2025-03-03T08:00:00.000Z', '2025-03-03T08:02:00.000Z', 2, NULL)`,
    );
    const answer = core.db.prepare(
      `INSERT INTO answers (attempt_id, question_id, response, correct, answered_at)
       VALUES (?, ?, '{"type":"single","option":"a"}', 1, '2025-03-03T08:01:00.000Z')`,
    );
    for (const session of ['s4', null]) {
      const id = attempt.run(profile.id, session).lastInsertRowid;
      answer.run(id, 's4-q1');
      answer.run(id, 's4-q2');
    }
    core.db
      .prepare(
        `INSERT INTO attempts (profile_id, pack_id, pack_version, session_id, mode, layout, pass_mark, total, started_at)
         VALUES (?, 'hubei-special-training-class', '1.0.0', 's4', 'quiz', '{}', 0.8, 7, '2025-03-03T00:00:00.000Z')`,
      )
      .run(profile.id);
    const after = JSON.parse((await call('records.export', { format: 'xapi' })).content) as Statement[];
    expect(after).toEqual(before);
    expect(after.some((s) => s.object.id.includes('/sessions/s4'))).toBe(false);
  });

  it('writes ISO 8601 durations to the hundredth of a second', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1234)).toBe('PT1.23S');
    expect(isoDuration(3_600_000 + 60_000 + 7_000)).toBe('PT1H1M7S');
    expect(isoDuration(7_200_000)).toBe('PT2H');
    expect(isoDuration(-5)).toBe('PT0S');
  });
});
