import { randomInt } from 'node:crypto';
import type { AskedQuestion } from '../../shared/contract/quiz';
import type { Question } from '../../shared/pack/schema';

/**
 * The order one attempt shows: questions and each question's options, fixed when the attempt
 * starts (stored in attempts.layout) so a resumed attempt looks exactly as it did.
 */
export interface Layout {
  questions: { id: string; options: string[] }[];
}

/** Fisher-Yates with a crypto source: Math.random is predictable enough to learn the order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const optionIds = (q: Question): string[] =>
  (q.type === 'single' || q.type === 'multiple' ? q.options : []).map((o) => o.id);

/** Options are always shuffled; questions too, unless their order means something (practice: newest errors first). */
export function makeLayout(questions: readonly Question[], shuffleQuestions: boolean): Layout {
  const order = shuffleQuestions ? shuffled(questions) : [...questions];
  return { questions: order.map((q) => ({ id: q.id, options: shuffled(optionIds(q)) })) };
}

export function parseLayout(json: string): Layout {
  return JSON.parse(json) as Layout;
}

/**
 * The question as shown in this attempt. A pack upgrade may have changed the options since the
 * layout was made: removed ones drop out, new ones go last, so the question stays answerable.
 */
export function asAsked(q: Question, sessionId: string, layoutOptions: readonly string[]): AskedQuestion {
  const current = q.type === 'single' || q.type === 'multiple' ? q.options : [];
  const byId = new Map(current.map((o) => [o.id, o]));
  const kept = layoutOptions.filter((id) => byId.has(id));
  const added = current.filter((o) => !kept.includes(o.id)).map((o) => o.id);
  return {
    id: q.id,
    sessionId,
    type: q.type,
    prompt: q.prompt,
    options: [...kept, ...added].map((id) => ({ id, text: byId.get(id)!.text })),
  };
}
