import { describe, expect, it } from 'vitest';
import { STATEMENT_NAMESPACE, uuidV5 } from '../../../src/core/records/uuid';
import {
  CREDIT_EXT,
  isoDuration,
  packIri,
  questionIri,
  sessionIri,
  xapiStatements,
  type XapiSource,
} from '../../../src/core/records/xapi';
import type { AnswerRow, AttemptRow } from '../../../src/core/records/xapi-data';
import { interactionDefinition, responseText } from '../../../src/core/records/xapi-interaction';
import type { Question } from '../../../src/shared/pack/schema';
import { INSTALLATION, record } from './record-fixture';

const BASE = 'https://study-companion.local';
const VERB = 'http://adlnet.gov/expapi/verbs/';
const PACK_VERSION_EXT = `${BASE}/xapi/extensions/pack-version`;

const attemptRow = (over: Partial<AttemptRow> = {}): AttemptRow => ({
  id: 11,
  sessionId: 's1',
  packVersion: '1.0.0',
  startedAt: '2025-03-02T09:00:00.000Z',
  submittedAt: '2025-03-02T09:03:00.000Z',
  score: 3,
  total: 4,
  passed: 1,
  ...over,
});

const answerRow = (over: Partial<AnswerRow> = {}): AnswerRow => ({
  attemptId: 11,
  questionId: 'q 1',
  response: '{"type":"single","option":"b"}',
  correct: 1,
  answeredAt: '2025-03-02T09:01:00.000Z',
  ...over,
});

function source(over: Partial<XapiSource> = {}): XapiSource {
  return {
    record: record(),
    language: 'en',
    attempts: [],
    answers: [],
    questions: new Map(),
    titles: { pack: {}, sessions: new Map() },
    grantsCredit: false,
    courseCompletedAt: null,
    ...over,
  };
}

type Statement = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const run = (over: Partial<XapiSource> = {}) => xapiStatements(source(over)) as Statement[];
const key = `${INSTALLATION}|7`;
const registration = uuidV5(STATEMENT_NAMESPACE, `registration|${key}|p/k`);

describe('xAPI statements, statement by statement', () => {
  it('builds IRIs from encoded ids', () => {
    expect(CREDIT_EXT).toBe('https://study-companion.local/xapi/extensions/credit-hours');
    expect(packIri('p/k')).toBe(`${BASE}/xapi/packs/p%2Fk`);
    expect(sessionIri('p', 's 1')).toBe(`${BASE}/xapi/packs/p/sessions/s%201`);
    expect(questionIri('p', 's', 'q?')).toBe(`${BASE}/xapi/packs/p/sessions/s/questions/q%3F`);
  });

  it('states a completed session with the ledger time, its credit when the pack grants credit, and its context', () => {
    const list = run({ grantsCredit: true });
    expect(list).toHaveLength(2);
    const [s1, s2] = list;
    expect(s1).toEqual({
      id: uuidV5(STATEMENT_NAMESPACE, `${key}|completed|s1`),
      actor: {
        objectType: 'Agent',
        name: '张三',
        account: { homePage: `${BASE}/installations/${INSTALLATION}`, name: '7' },
      },
      verb: { id: `${VERB}completed`, display: { 'en-US': 'completed' } },
      object: {
        objectType: 'Activity',
        id: sessionIri('p/k', 's1'),
        definition: { type: 'http://adlnet.gov/expapi/activities/lesson', name: { en: 'Session 1' } },
      },
      result: { completion: true, duration: 'PT11M1S', extensions: { [CREDIT_EXT]: 1.5 } },
      context: {
        registration,
        platform: 'Study Companion',
        language: 'en',
        contextActivities: {
          grouping: [{ objectType: 'Activity', id: packIri('p/k'), definition: { name: { en: 'Own title' } } }],
        },
        extensions: { [PACK_VERSION_EXT]: '2.0.0' },
      },
      timestamp: '2025-03-02T10:00:00.000Z',
    });
    // Not in the ledger: the reading seconds of the summary, no credit; a zoned time in UTC.
    expect(s2!.result).toEqual({ completion: true, duration: 'PT30S', extensions: { [CREDIT_EXT]: 0 } });
    expect(s2!.timestamp).toBe('2025-03-03T02:00:00.000Z');
    expect(run({ grantsCredit: false })[0]!.result).toEqual({ completion: true, duration: 'PT11M1S' });
  });

  it('uses every title the pack has as the language maps, else the record title, else the id', () => {
    const titles = {
      pack: { en: 'Pack EN', 'zh-CN': '学习包' },
      sessions: new Map([['s1', { en: 'One', 'zh-CN': '一' }]]),
    };
    const list = run({ titles, attempts: [attemptRow({ sessionId: 'gone' })] });
    const byVerb = (v: string) => list.filter((s) => s.verb.id === VERB + v);
    expect(byVerb('completed')[0]!.object.definition.name).toEqual({ en: 'One', 'zh-CN': '一' });
    expect(byVerb('completed')[1]!.object.definition.name).toEqual({ en: 'Session 2' });
    expect(byVerb('passed')[0]!.object.definition.name).toEqual({ en: 'gone' });
    expect(list[0]!.context.contextActivities.grouping[0].definition.name).toEqual({
      en: 'Pack EN',
      'zh-CN': '学习包',
    });
    // An empty map is no titles.
    const empty = run({ titles: { pack: {}, sessions: new Map([['s1', {}]]) } });
    expect(empty[0]!.object.definition.name).toEqual({ en: 'Session 1' });
  });

  it('states an attempt as passed or failed with its score, duration and the version it was taken on', () => {
    const list = run({
      record: record({ sessions: [] }),
      attempts: [
        attemptRow(),
        attemptRow({ id: 12, passed: 0, score: 0, total: 0, submittedAt: 'not a time', startedAt: 'nor this' }),
      ],
    });
    expect(list).toHaveLength(2);
    const [passed, failed] = list;
    expect(passed).toMatchObject({
      id: uuidV5(STATEMENT_NAMESPACE, `${key}|passed|11`),
      verb: { id: `${VERB}passed`, display: { 'en-US': 'passed' } },
      object: { id: sessionIri('p/k', 's1') },
      result: { score: { scaled: 0.75, raw: 3, min: 0, max: 4 }, success: true, duration: 'PT3M' },
      timestamp: '2025-03-02T09:03:00.000Z',
    });
    expect(passed!.context.extensions).toEqual({ [PACK_VERSION_EXT]: '1.0.0' });
    expect(passed!.context.contextActivities.parent).toBeUndefined();
    expect(failed).toMatchObject({
      id: uuidV5(STATEMENT_NAMESPACE, `${key}|failed|12`),
      verb: { id: `${VERB}failed`, display: { 'en-US': 'failed' } },
      result: { score: { scaled: 0, raw: 0, min: 0, max: 0 }, success: false, duration: 'PT0S' },
      // A time that does not parse is passed on as it is.
      timestamp: 'not a time',
    });
  });

  it('states each answer of a known attempt under its session, with success only when graded', () => {
    const q: Question = {
      id: 'q 1',
      type: 'single',
      prompt: 'Which?',
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      answer: ['b'],
    } as Question;
    const list = run({
      record: record({ sessions: [] }),
      attempts: [attemptRow()],
      answers: [
        answerRow(),
        answerRow({ questionId: 'q2', correct: null, response: 'free text' }),
        answerRow({ questionId: 'q3', correct: 0 }),
        answerRow({ attemptId: 99, questionId: 'q4' }),
      ],
      questions: new Map([['q 1', q]]),
    });
    const answered = list.filter((s) => s.verb.id === `${VERB}answered`);
    expect(answered.map((s) => s.object.id)).toEqual([
      questionIri('p/k', 's1', 'q 1'),
      questionIri('p/k', 's1', 'q2'),
      questionIri('p/k', 's1', 'q3'),
    ]);
    const [a1, a2, a3] = answered;
    expect(a1).toMatchObject({
      id: uuidV5(STATEMENT_NAMESPACE, `${key}|answered|11|q 1`),
      verb: { display: { 'en-US': 'answered' } },
      result: { response: 'b', success: true },
      timestamp: '2025-03-02T09:01:00.000Z',
    });
    expect(a1!.object.definition).toMatchObject({ interactionType: 'choice', name: { en: 'Which?' } });
    expect(a1!.context.contextActivities.parent).toEqual([{ objectType: 'Activity', id: sessionIri('p/k', 's1') }]);
    expect(a1!.context.extensions).toEqual({ [PACK_VERSION_EXT]: '1.0.0' });
    expect(a2!.result).toEqual({ response: 'free text' });
    expect(a2!.object.definition).toEqual({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'other',
    });
    expect(a3!.result).toEqual({ response: 'b', success: false });
  });

  it('states the course once its rule is met, with the whole ledger time and credit, and no grouping', () => {
    const list = run({ grantsCredit: true, courseCompletedAt: '2025-03-03T10:00:00.000Z' });
    const course = list.at(-1)!;
    expect(list).toHaveLength(3);
    expect(course).toEqual({
      id: uuidV5(STATEMENT_NAMESPACE, `${key}|completed|course|p/k`),
      actor: expect.any(Object),
      verb: { id: `${VERB}completed`, display: { 'en-US': 'completed' } },
      object: {
        objectType: 'Activity',
        id: packIri('p/k'),
        definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { en: 'Own title' } },
      },
      result: { completion: true, duration: 'PT11M6S', extensions: { [CREDIT_EXT]: 2.25 } },
      context: {
        registration,
        platform: 'Study Companion',
        language: 'en',
        extensions: { [PACK_VERSION_EXT]: '2.0.0' },
      },
      timestamp: '2025-03-03T10:00:00.000Z',
    });
    expect(run({ courseCompletedAt: '2025-03-03T10:00:00.000Z' }).at(-1)!.result).toEqual({
      completion: true,
      duration: 'PT11M6S',
    });
    // Not met, or a record without a ledger (written before credit): no course statement.
    expect(run({ courseCompletedAt: null })).toHaveLength(2);
    const old = run({ record: record({ ledger: undefined }), courseCompletedAt: '2025-03-03T10:00:00.000Z' });
    expect(old).toHaveLength(2);
    expect(old[0]!.result.duration).toBe('PT1M30S');
  });
});

describe('ISO 8601 durations', () => {
  it('round to the hundredth and write only the parts there are', () => {
    expect(isoDuration(Number.NaN)).toBe('PT0S');
    expect(isoDuration(Infinity)).toBe('PT0S');
    expect(isoDuration(5)).toBe('PT0.01S');
    expect(isoDuration(4)).toBe('PT0S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(isoDuration(61_500)).toBe('PT1M1.5S');
    expect(isoDuration(3_600_000 + 500)).toBe('PT1H0.5S');
    expect(isoDuration(3_660_000)).toBe('PT1H1M');
    expect(isoDuration(59_990)).toBe('PT59.99S');
    expect(isoDuration(25 * 3_600_000)).toBe('PT25H');
  });
});

describe('interaction definitions and responses', () => {
  const prompt = 'Q?';
  it('describes each question type', () => {
    const multiple = {
      id: 'm',
      type: 'multiple',
      prompt,
      options: [
        { id: 'a', text: 'A' },
        { id: 'c', text: 'C' },
      ],
      answer: ['a', 'c'],
    } as Question;
    expect(interactionDefinition(multiple, 'zh-CN')).toEqual({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      name: { 'zh-CN': prompt },
      interactionType: 'choice',
      correctResponsesPattern: ['a[,]c'],
      choices: [
        { id: 'a', description: { 'zh-CN': 'A' } },
        { id: 'c', description: { 'zh-CN': 'C' } },
      ],
    });
    expect(interactionDefinition({ id: 't', type: 'truefalse', prompt, answer: false } as Question, 'en')).toEqual({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      name: { en: prompt },
      interactionType: 'true-false',
      correctResponsesPattern: ['false'],
    });
    expect(interactionDefinition({ id: 'f', type: 'fill', prompt, answer: ['Six', '6'] } as Question, 'en')).toEqual({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      name: { en: prompt },
      interactionType: 'fill-in',
      correctResponsesPattern: ['{case_matters=false}Six', '{case_matters=false}6'],
    });
  });

  it('writes each stored response in xAPI syntax, and anything else as its raw text', () => {
    expect(responseText('{"type":"single","option":"b"}')).toBe('b');
    expect(responseText('{"type":"multiple","options":["a","c","d"]}')).toBe('a[,]c[,]d');
    expect(responseText('{"type":"truefalse","value":false}')).toBe('false');
    expect(responseText('{"type":"fill","text":"六"}')).toBe('六');
    expect(responseText('{"type":"single"}')).toBe('{"type":"single"}');
    expect(responseText('{oops')).toBe('{oops');
  });
});
