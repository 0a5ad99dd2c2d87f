import type { StudyRecord } from '../../shared/contract/records';
import type { Question } from '../../shared/pack/schema';
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
}

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
    definition: { type: 'http://adlnet.gov/expapi/activities/lesson', name: { [lang]: titles.get(id) ?? id } },
  });
  const context = (version: string, parent?: string) => ({
    registration: uuidV5(STATEMENT_NAMESPACE, `registration|${key}|${pack}`),
    platform: 'Study Companion',
    language: lang,
    contextActivities: {
      ...(parent ? { parent: [{ objectType: 'Activity', id: sessionIri(pack, parent) }] } : {}),
      grouping: [{ objectType: 'Activity', id: packIri(pack), definition: { name: { [lang]: r.pack.title } } }],
    },
    extensions: { [PACK_VERSION_EXT]: version },
  });
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
  for (const s of r.sessions) {
    if (!s.completedAt) continue;
    out.push({
      id: id(`completed|${s.id}`),
      actor,
      verb: verb('completed'),
      object: sessionActivity(s.id),
      result: { completion: true, duration: isoDuration(s.reading.seconds * 1000) },
      context: context(r.pack.version),
      timestamp: iso(s.completedAt),
    });
  }
  return out;
}
