import type { StudyRecord } from '../../shared/contract/records';
import type { Question } from '../../shared/pack/schema';
import type { Titles } from '../../shared/records';
import { STATEMENT_NAMESPACE, uuidV5 } from './uuid';
import type { AnswerRow, AttemptRow } from './xapi-data';
import { interactionDefinition, responseText } from './xapi-interaction';

/** Every IRI is derived from stable pack, session and question ids (so it survives pack updates). */
export const XAPI_BASE = 'https://study-companion.local';
const enc = encodeURIComponent;
export const packIri = (pack: string) => `${XAPI_BASE}/xapi/packs/${enc(pack)}`;
export const sessionIri = (pack: string, session: string) => `${packIri(pack)}/sessions/${enc(session)}`;
export const questionIri = (pack: string, session: string, question: string) =>
  `${sessionIri(pack, session)}/questions/${enc(question)}`;
const PACK_VERSION_EXT = `${XAPI_BASE}/xapi/extensions/pack-version`;
/** Credit hours (学时) a completed session or course earned, by the pack's rules. */
export const CREDIT_EXT = `${XAPI_BASE}/xapi/extensions/credit-hours`;

const verb = (name: 'answered' | 'passed' | 'failed' | 'completed') => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { 'en-US': name },
});

/** ISO 8601 duration to the hundredth of a second (cmi5's precision), e.g. PT1H2M3.45S. */
export function isoDuration(ms: number): string {
  const cs = Number.isFinite(ms) ? Math.max(0, Math.round(ms / 10)) : 0;
  const h = Math.floor(cs / 360_000);
  const m = Math.floor(cs / 6000) % 60;
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** Stored times are ISO UTC already; re-format anything parseable so every timestamp has a zone. */
const iso = (t: string) => (Number.isNaN(Date.parse(t)) ? t : new Date(t).toISOString());

export interface XapiSource {
  record: StudyRecord;
  /** The pack's language tag, used as the key of every language map. */
  language: string;
  attempts: AttemptRow[];
  answers: AnswerRow[];
  questions: Map<string, Question>;
  /** Titles in every language the pack has, as language maps want them. */
  titles: { pack: Titles; sessions: Map<string, Titles> };
  /** Whether the pack grants credit hours (a pack without rules grants none: no credit is stated). */
  grantsCredit: boolean;
  /** When the pack's course rule was met (its last required completion), or null. */
  courseCompletedAt: string | null;
}

/** A language map with every language the pack has, or the record's own title under its language. */
const nameMap = (titles: Titles | undefined, lang: string, fallback: string): Titles =>
  titles && Object.keys(titles).length ? { ...titles } : { [lang]: fallback };

export function xapiStatements(src: XapiSource): object[] {
  const { record: r, language: lang } = src;
  const pack = r.pack.id;
  const key = `${r.installation.id}|${r.participant.profileId}`;
  const actor = {
    objectType: 'Agent',
    name: r.participant.name,
    account: { homePage: `${XAPI_BASE}/installations/${r.installation.id}`, name: String(r.participant.profileId) },
  };
  const titles = new Map(r.sessions.map((s) => [s.id, s.title]));
  const sessionActivity = (id: string) => ({
    objectType: 'Activity',
    id: sessionIri(pack, id),
    definition: {
      type: 'http://adlnet.gov/expapi/activities/lesson',
      name: nameMap(src.titles.sessions.get(id), lang, titles.get(id) ?? id),
    },
  });
  const packName = nameMap(src.titles.pack, lang, r.pack.title);
  const ledger = new Map((r.ledger?.sessions ?? []).map((s) => [s.id, s]));
  const credit = (hours: number) => (src.grantsCredit ? { extensions: { [CREDIT_EXT]: hours } } : {});
  const context = (version: string, parent?: string) => ({
    registration: uuidV5(STATEMENT_NAMESPACE, `registration|${key}|${pack}`),
    platform: 'Study Companion',
    language: lang,
    contextActivities: {
      ...(parent ? { parent: [{ objectType: 'Activity', id: sessionIri(pack, parent) }] } : {}),
      grouping: [{ objectType: 'Activity', id: packIri(pack), definition: { name: packName } }],
    },
    extensions: { [PACK_VERSION_EXT]: version },
  });
  // The course is the pack itself: no grouping under itself.
  const courseContext = () => {
    const { contextActivities: _, ...rest } = context(r.pack.version);
    return rest;
  };
  const id = (name: string) => uuidV5(STATEMENT_NAMESPACE, `${key}|${name}`);
  const attempts = new Map(src.attempts.map((a) => [a.id, a]));
  const out: object[] = [];

  for (const a of src.answers) {
    const attempt = attempts.get(a.attemptId);
    if (!attempt) continue;
    const q = src.questions.get(a.questionId);
    out.push({
      id: id(`answered|${a.attemptId}|${a.questionId}`),
      actor,
      verb: verb('answered'),
      object: {
        objectType: 'Activity',
        id: questionIri(pack, attempt.sessionId, a.questionId),
        definition: interactionDefinition(q, lang),
      },
      result: { response: responseText(a.response), ...(a.correct === null ? {} : { success: a.correct === 1 }) },
      context: context(attempt.packVersion, attempt.sessionId),
      timestamp: iso(a.answeredAt),
    });
  }
  for (const a of src.attempts) {
    const passed = a.passed === 1;
    out.push({
      id: id(`${passed ? 'passed' : 'failed'}|${a.id}`),
      actor,
      verb: verb(passed ? 'passed' : 'failed'),
      object: sessionActivity(a.sessionId),
      result: {
        score: { scaled: a.total ? a.score / a.total : 0, raw: a.score, min: 0, max: a.total },
        success: passed,
        duration: isoDuration(Date.parse(a.submittedAt) - Date.parse(a.startedAt)),
      },
      context: context(a.packVersion),
      timestamp: iso(a.submittedAt),
    });
  }
  // Durations are time on task from the ledger: reading and watching (quiz time is in its own statements).
  for (const s of r.sessions) {
    if (!s.completedAt) continue;
    const l = ledger.get(s.id);
    const seconds = l ? l.readingSeconds + l.watchingSeconds : s.reading.seconds;
    out.push({
      id: id(`completed|${s.id}`),
      actor,
      verb: verb('completed'),
      object: sessionActivity(s.id),
      result: { completion: true, duration: isoDuration(seconds * 1000), ...credit(l?.credit ?? 0) },
      context: context(r.pack.version),
      timestamp: iso(s.completedAt),
    });
  }
  if (src.courseCompletedAt && r.ledger) {
    const total = r.ledger.sessions.reduce((n, s) => n + s.readingSeconds + s.watchingSeconds, 0);
    out.push({
      id: id(`completed|course|${pack}`),
      actor,
      verb: verb('completed'),
      object: {
        objectType: 'Activity',
        id: packIri(pack),
        definition: { type: 'http://adlnet.gov/expapi/activities/course', name: packName },
      },
      result: { completion: true, duration: isoDuration(total * 1000), ...credit(r.ledger.totalCredit) },
      context: courseContext(),
      timestamp: iso(src.courseCompletedAt),
    });
  }
  return out;
}
