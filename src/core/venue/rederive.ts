import type { EvidenceAttempt, EvidenceSession, StudyRecord } from '../../shared/contract/records';
import { quizResponseSchema } from '../../shared/contract/quiz';
import type { VenueCell } from '../../shared/contract/venue';
import type { Question } from '../../shared/pack/schema';
import { creditHours, type Titles } from '../../shared/records';
import { clipIntervals, coveredSeconds, type Interval } from '../../shared/watch/intervals';
import { grade } from '../quiz/grade';
import { meetsPassMark } from '../quiz/submit';
import {
  creditOf,
  FORMAT_1_RULE,
  meetsRule,
  type PackRules,
  type SessionFacts,
  type SessionRules,
} from '../study/rules';

/** The venue's installed pack: the answer key and the rules the record is recomputed against. */
export interface VenuePack {
  id: string;
  version: string;
  title: string;
  /** Titles in every language the pack has (the report's readers pick theirs). */
  titles?: Titles;
  sessions: { id: string; ord: number; title: string; passMark: number; keyPoints: string[]; titles?: Titles }[];
  /** Every question of the pack by id, with its session. */
  questions: Map<string, { question: Question; sessionId: string }>;
  /** The pack's completion and credit rules, with each recording's length (core/study/rules.ts). */
  rules: PackRules;
}

export type Values = Record<string, string | number>;

/** Why a record's evidence cannot be believed: a stable `reason` key (reasons.<key>) and its values. */
export class EvidenceProblem extends Error {
  constructor(
    readonly reason: string,
    readonly values: Values,
    english: string,
  ) {
    super(english);
  }
}

export interface Derived {
  cells: (VenueCell | null)[];
  overall: { completed: number; total: number; completedAt: string | null };
  /** Reading, watching and quiz time, in seconds. */
  studySeconds: number;
  /** Credit hours (学时) the evidence earns under the venue pack's rules. */
  credit: number;
  /** What the record's own ledger says it earned, when it has one and the pack versions match. */
  claimedCredit: number | null;
}

const DAY = 86_400;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Coverage per recording from the record's intervals, clipped to the recording's length in the
 * venue's pack (a recording of unknown length to a day, as watch.save bounds it). The record's
 * own figure of what was covered is never read: only the intervals count. A recording the
 * venue's pack does not have covers nothing (its time still counts as time on task).
 */
function coverage(s: EvidenceSession, rules: SessionRules): Map<string, number> {
  const byPath = new Map<string, Interval[]>();
  for (const m of s.media) byPath.set(m.id, [...(byPath.get(m.id) ?? []), ...(m.intervals ?? [])]);
  const out = new Map<string, number>();
  for (const [path, list] of byPath) {
    const duration = rules.timed.get(path);
    if (duration === undefined) continue;
    out.set(path, coveredSeconds(clipIntervals(list, duration > 0 ? duration : DAY)));
  }
  return out;
}

const fail = (reason: string, values: Values, english: string): never => {
  throw new EvidenceProblem(`venue.evidence.${reason}`, values, english);
};

/** Every evidence time lies between the profile's creation and the export: the laptop's own clock. */
function checkTime(t: string | null, what: string, session: string, from: number, to: number): number | null {
  if (t === null) return null;
  const ms = Date.parse(t);
  if (Number.isNaN(ms))
    return fail('badTime', { session, what, time: t }, `Session ${session}: ${what} "${t}" is not a time.`);
  if (ms > to)
    return fail('afterExport', { session, what, time: t }, `Session ${session}: ${what} ${t} is after the export.`);
  if (ms < from) {
    return fail(
      'beforeProfile',
      { session, what, time: t },
      `Session ${session}: ${what} ${t} is before the profile existed.`,
    );
  }
  return ms;
}

interface Graded {
  score: number;
  total: number;
  passed: boolean;
  submittedAt: number;
}

/**
 * Grades one attempt again with the venue's answer key. An attempt made with the venue's pack
 * version must match exactly (every asked question known, score and total as claimed); one made
 * with another version is graded on the questions both versions share, unknown ones counting as
 * wrong, so an old attempt can lose a pass here but never gain one.
 */
function regrade(a: EvidenceAttempt, s: EvidenceSession, pack: VenuePack, times: [number, number]): Graded {
  const session = s.id;
  const started = checkTime(a.startedAt, 'quizStarted', session, ...times)!;
  const submitted = checkTime(a.submittedAt, 'quizSubmitted', session, ...times)!;
  if (submitted < started) {
    fail(
      'submittedBeforeStart',
      { session, started: a.startedAt, submitted: a.submittedAt },
      `Session ${session}: a quiz was submitted before it started.`,
    );
  }
  const same = a.packVersion === pack.version;
  const asked = new Set(a.asked);
  const known = a.asked.filter((id) => pack.questions.get(id)?.sessionId === session);
  if (same && known.length !== a.asked.length) {
    const question = a.asked.find((id) => !known.includes(id))!;
    fail(
      'unknownQuestion',
      { session, question, version: pack.version },
      `Session ${session}: question "${question}" is not in pack version ${pack.version}.`,
    );
  }
  let score = 0;
  for (const ans of a.answers) {
    const t = checkTime(ans.answeredAt, 'answer', session, ...times)!;
    if (t < started || t > submitted) {
      fail(
        'answerOutsideAttempt',
        { session, question: ans.questionId, time: ans.answeredAt },
        `Session ${session}: an answer to "${ans.questionId}" was given outside its attempt.`,
      );
    }
    if (!asked.has(ans.questionId)) {
      fail(
        'answerNotAsked',
        { session, question: ans.questionId },
        `Session ${session}: an answer to "${ans.questionId}", which the attempt did not ask.`,
      );
    }
    const q = pack.questions.get(ans.questionId);
    if (!q || q.sessionId !== session) continue;
    const response = quizResponseSchema.safeParse(ans.response);
    if (response.success && grade(q.question, response.data)) score++;
  }
  const passMark = pack.sessions.find((p) => p.id === session)!.passMark;
  const total = same || known.length === a.asked.length ? known.length : a.total;
  if (known.length === a.asked.length && (score !== a.score || total !== a.total)) {
    fail(
      'scoreMismatch',
      { session, claimed: `${a.score}/${a.total}`, derived: `${score}/${total}` },
      `Session ${session}: a quiz claims ${a.score}/${a.total}; its answers score ${score}/${total}.`,
    );
  }
  const passed = meetsPassMark(score, total, passMark);
  if (same && passed !== a.passed) {
    fail(
      'passMismatch',
      { session, score: `${score}/${total}` },
      `Session ${session}: a quiz's pass does not follow from its score ${score}/${total}.`,
    );
  }
  return { score, total, passed, submittedAt: submitted };
}

const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/**
 * Recomputes every number of a record from its evidence against the venue's installed pack, and
 * throws an EvidenceProblem naming the first thing that cannot be true: a time outside the span
 * from the profile's creation to the export, a quiz submitted before it started, an answer to a
 * question that pack version does not have, a score its answers do not give, a completion without
 * what completes a session under the venue pack's rule (watching included: coverage from the
 * record's intervals), a summary that disagrees with its evidence, or more time on task than the
 * wall clock allows. Credit hours come from the same rules (core/study/rules.ts, which the
 * participant's app applies too); the record's own credit figures are never used. The report
 * uses only what this returns.
 */
export function rederive(r: StudyRecord, pack: VenuePack): Derived {
  const from = Date.parse(r.evidence.profileCreatedAt);
  const to = Date.parse(r.exportedAt);
  if (Number.isNaN(from) || from > to) {
    fail(
      'badTime',
      { session: '-', what: 'profileCreated', time: r.evidence.profileCreatedAt },
      'The profile creation time is not before the export.',
    );
  }
  const times: [number, number] = [from, to];
  const samePack = r.pack.version === pack.version;
  const evidence = new Map(r.evidence.sessions.map((s) => [s.id, s]));
  const claimed = new Map(r.sessions.map((s) => [s.id, s]));
  for (const id of claimed.keys()) {
    if (!evidence.has(id)) fail('missingEvidence', { session: id }, `Session ${id} has a summary but no evidence.`);
  }
  let studySeconds = 0;
  let credits = 0;

  const cells = pack.sessions.map((p): VenueCell | null => {
    const s = evidence.get(p.id);
    if (!s) return null;
    checkTime(s.reading.updatedAt, 'reading', p.id, ...times);
    const reachedEndAt = checkTime(s.reading.reachedEndAt, 'readToEnd', p.id, ...times);
    const kpIds = new Set(p.keyPoints);
    for (const k of s.keyPoints) {
      checkTime(k.reviewedAt, 'keyPointReviewed', p.id, ...times);
      if (!kpIds.has(k.id) && samePack) {
        fail(
          'unknownKeyPoint',
          { session: p.id, keyPoint: k.id, version: pack.version },
          `Session ${p.id}: key point "${k.id}" is not in pack version ${pack.version}.`,
        );
      }
    }
    const reviewed = new Set(s.keyPoints.map((k) => k.id).filter((id) => kpIds.has(id))).size;
    const graded = s.attempts.map((a) => regrade(a, s, pack, times));
    const passed = graded.some((g) => g.passed);
    const firstPass = Math.min(...graded.filter((g) => g.passed).map((g) => g.submittedAt));
    const fractions = graded.map((g) => (g.total ? g.score / g.total : 0));
    const bestScore = fractions.length ? Math.max(...fractions) : null;
    const reachedEnd = reachedEndAt !== null;
    const rules = pack.rules.sessions.get(p.id) ?? FORMAT_1_RULE;
    const covered = coverage(s, rules);
    const facts: SessionFacts = {
      reachedEnd,
      keyPointsReviewed: reviewed,
      keyPointsTotal: kpIds.size,
      quizPassed: passed,
      covered,
    };
    const due = meetsRule(rules, facts);
    const completedMs = checkTime(s.completedAt, 'completed', p.id, ...times);
    if (completedMs !== null && samePack && !due) completionUnsupported(p.id, rules, facts);
    if (completedMs !== null && samePack && rules.quiz && completedMs < firstPass)
      fail('completedBeforePass', { session: p.id }, `Session ${p.id} was completed before its quiz was passed.`);
    const complete = completedMs !== null && due;
    const quizSeconds = s.attempts.reduce(
      (n, a) => n + (Date.parse(a.submittedAt) - Date.parse(a.startedAt)) / 1000,
      0,
    );
    const watchingSeconds = s.media.reduce((n, m) => n + m.seconds, 0);
    // Watching counts as time on task under the same cap as reading: all of it together must fit
    // in the span from the profile's creation to the export (checked below).
    studySeconds += s.reading.seconds + watchingSeconds + quizSeconds;
    const credit = creditOf(rules, complete, passed).hours;
    credits += credit;

    const c = claimed.get(p.id);
    if (c) {
      const mismatch = (field: string, said: unknown, is: unknown) =>
        fail(
          'summaryMismatch',
          { session: p.id, field, claimed: String(said), derived: String(is) },
          `Session ${p.id}: the summary says ${field} ${String(said)}, the evidence gives ${String(is)}.`,
        );
      if (c.quiz.attempts !== s.attempts.length) mismatch('quiz.attempts', c.quiz.attempts, s.attempts.length);
      if (c.reading.seconds !== s.reading.seconds) mismatch('reading.seconds', c.reading.seconds, s.reading.seconds);
      if (c.reading.reachedEnd !== reachedEnd) mismatch('reading.reachedEnd', c.reading.reachedEnd, reachedEnd);
      if (c.completedAt !== s.completedAt) mismatch('completedAt', c.completedAt, s.completedAt);
      if (samePack) {
        if (c.quiz.passed !== passed) mismatch('quiz.passed', c.quiz.passed, passed);
        if (!near(c.quiz.bestScore, bestScore)) mismatch('quiz.bestScore', c.quiz.bestScore, bestScore);
        if (c.keyPoints.reviewed !== reviewed) mismatch('keyPoints.reviewed', c.keyPoints.reviewed, reviewed);
        if ((c.status === 'complete') !== complete)
          mismatch('status', c.status, complete ? 'complete' : 'not complete');
      }
    }
    const started =
      s.reading.seconds > 0 || s.reading.maxPosition > 0 || reviewed > 0 || graded.length > 0 || watchingSeconds > 0;
    return {
      status: complete ? 'complete' : started || c?.status === 'in-progress' ? 'in-progress' : 'not-started',
      passed,
      bestScore,
      attempts: graded.length,
      completedAt: complete ? s.completedAt : null,
      credit: creditHours(credit),
      watchedSeconds: round2([...covered.values()].reduce((a, b) => a + b, 0)),
    };
  });

  const spanSeconds = (to - from) / 1000;
  if (studySeconds > spanSeconds) {
    const h = (n: number) => Math.round((n / 3600) * 10) / 10;
    fail(
      'timeExceedsSpan',
      { hours: h(studySeconds), span: h(spanSeconds) },
      `${h(studySeconds)} hours of study in a span of ${h(spanSeconds)} hours.`,
    );
  }
  const completed = cells.filter((c) => c?.status === 'complete');
  const allDone = cells.length > 0 && completed.length === cells.length;
  return {
    cells,
    overall: {
      completed: completed.length,
      total: cells.length,
      completedAt: allDone
        ? (completed
            .map((c) => c!.completedAt ?? '')
            .sort()
            .at(-1) ?? null)
        : null,
    },
    studySeconds: Math.round(studySeconds),
    credit: creditHours(credits),
    claimedCredit: samePack && r.ledger ? r.ledger.totalCredit : null,
  };
}

/** Names what a completion lacks under the venue pack's rule (called only when the rule is not met). */
function completionUnsupported(session: string, rules: SessionRules, f: SessionFacts): never {
  if (rules.quiz && !f.quizPassed)
    fail('completedWithoutPass', { session }, `Session ${session} is marked complete, but no quiz was passed.`);
  if (!meetsRule({ ...rules, media: new Map() }, f))
    fail(
      'completedWithoutStudy',
      { session },
      `Session ${session} is marked complete, but was not read through with every key point reviewed.`,
    );
  for (const [path, fraction] of rules.media) {
    if (meetsRule({ ...rules, media: new Map([[path, fraction]]) }, f)) continue;
    const watched = round2(f.covered.get(path) ?? 0);
    const required = round2((rules.timed.get(path) ?? 0) * fraction);
    fail(
      'completedWithoutWatching',
      { session, path, watched, required },
      `Session ${session} is marked complete, but ${watched} s of "${path}" were watched where ${required} s are required.`,
    );
  }
  return fail('completedWithoutStudy', { session }, `Session ${session} is marked complete without what completes it.`);
}
