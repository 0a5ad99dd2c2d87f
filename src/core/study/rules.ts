import type { CreditBasis } from '../../shared/contract/watch';
import type { Manifest } from '../../shared/pack/schema';
import { bandHours, type CourseRule } from '../../shared/pack/rules';

/**
 * A pack's completion and credit rules with the defaults filled in, and the two pure functions
 * that apply them to evidence. The participant's app and the venue's re-derivation both call
 * these, so a session cannot be complete on the laptop and not in the venue's report.
 */
export interface SessionRules {
  reading: boolean;
  keyPoints: boolean;
  quiz: boolean;
  /** Recordings to watch: pack path -> fraction of its length. */
  media: Map<string, number>;
  credit: { kind: 'none' } | { kind: 'fixed'; hours: number } | { kind: 'bands'; quizBonus: number };
  /** Timed media of the session (video, audio): pack path -> duration in seconds (0 when unknown). */
  timed: Map<string, number>;
}

export interface PackRules {
  sessions: Map<string, SessionRules>;
  course: Required<Pick<CourseRule, 'sessions'>> & { minimumCredit: number };
  grantsCredit: boolean;
}

/** The format-1 rule (and the rule of a session a pack gives none): read, every key point, quiz passed. */
export const FORMAT_1_RULE: SessionRules = {
  reading: true,
  keyPoints: true,
  quiz: true,
  media: new Map(),
  credit: { kind: 'none' },
  timed: new Map(),
};

export function rulesOf(manifest: Manifest): PackRules {
  const sessions = new Map<string, SessionRules>();
  for (const s of manifest.sessions) {
    const c = s.completion ?? {};
    const timed = new Map(
      (s.media ?? []).filter((m) => m.kind === 'video' || m.kind === 'audio').map((m) => [m.path, m.duration ?? 0]),
    );
    const credit: SessionRules['credit'] =
      s.credit?.kind === 'fixed'
        ? { kind: 'fixed', hours: s.credit.hours }
        : s.credit?.kind === 'bands'
          ? { kind: 'bands', quizBonus: s.credit.quizBonus ?? 0 }
          : { kind: 'none' };
    sessions.set(s.id, {
      reading: c.reading ?? true,
      keyPoints: c.keyPoints ?? true,
      quiz: c.quiz ?? true,
      media: new Map((c.media ?? []).map((m) => [m.path, m.fraction])),
      credit,
      timed,
    });
  }
  return {
    sessions,
    course: {
      sessions: manifest.course?.sessions ?? manifest.sessions.map((s) => s.id),
      minimumCredit: manifest.course?.minimumCredit ?? 0,
    },
    grantsCredit: [...sessions.values()].some((s) => s.credit.kind !== 'none'),
  };
}

/** What a session's evidence shows, however it was read (local tables or a record). */
export interface SessionFacts {
  reachedEnd: boolean;
  keyPointsReviewed: number;
  keyPointsTotal: number;
  quizPassed: boolean;
  /** Covered seconds per recording path. */
  covered: Map<string, number>;
}

export function meetsRule(rules: SessionRules, f: SessionFacts): boolean {
  if (rules.reading && !f.reachedEnd) return false;
  if (rules.keyPoints && f.keyPointsReviewed < f.keyPointsTotal) return false;
  if (rules.quiz && !f.quizPassed) return false;
  for (const [path, fraction] of rules.media) {
    const duration = rules.timed.get(path) ?? 0;
    // A recording whose length the pack does not give cannot be measured: it counts as watched
    // once any of it was (the verifier requires durations, so this is a format edge, not a loophole).
    const covered = f.covered.get(path) ?? 0;
    if (duration > 0 ? covered + 1e-6 < duration * fraction : covered <= 0) return false;
  }
  return true;
}

/** Total length of the session's recordings in seconds. */
export const mediaSeconds = (rules: SessionRules): number => [...rules.timed.values()].reduce((a, b) => a + b, 0);

/** The credit a session grants, and on what basis; nothing until it is complete. */
export function creditOf(
  rules: SessionRules,
  complete: boolean,
  quizPassed: boolean,
): { hours: number; basis: CreditBasis } {
  const c = rules.credit;
  if (c.kind === 'none') return { hours: 0, basis: { kind: 'none' } };
  if (c.kind === 'fixed') return { hours: complete ? c.hours : 0, basis: { kind: 'fixed', hours: c.hours } };
  const seconds = mediaSeconds(rules);
  const base = bandHours(seconds);
  const bonus = quizPassed ? c.quizBonus : 0;
  return {
    hours: complete ? base + bonus : 0,
    basis: { kind: 'bands', mediaMinutes: Math.round(seconds / 60), base, quizBonus: c.quizBonus },
  };
}
