import { quizResponseSchema } from '../../shared/contract/quiz';
import type { Question } from '../../shared/pack/schema';

const CMI_INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';

export interface InteractionDefinition {
  type: string;
  name?: Record<string, string>;
  interactionType: 'choice' | 'true-false' | 'fill-in' | 'other';
  correctResponsesPattern?: string[];
  choices?: { id: string; description: Record<string, string> }[];
}

/** xAPI's response and pattern syntax: choice ids joined by "[,]". */
const joinIds = (ids: string[]) => ids.join('[,]');

/** The question as a cmi.interaction activity definition (xAPI 1.0.3 §2.4.4.1 interaction types). */
export function interactionDefinition(q: Question | undefined, lang: string): InteractionDefinition {
  if (!q) return { type: CMI_INTERACTION, interactionType: 'other' };
  const name = { [lang]: q.prompt };
  switch (q.type) {
    case 'single':
    case 'multiple':
      return {
        type: CMI_INTERACTION,
        name,
        interactionType: 'choice',
        correctResponsesPattern: [joinIds(q.answer)],
        choices: q.options.map((o) => ({ id: o.id, description: { [lang]: o.text } })),
      };
    case 'truefalse':
      return {
        type: CMI_INTERACTION,
        name,
        interactionType: 'true-false',
        correctResponsesPattern: [String(q.answer)],
      };
    case 'fill':
      // Each accepted answer is one alternative pattern; the app's matching ignores case.
      return {
        type: CMI_INTERACTION,
        name,
        interactionType: 'fill-in',
        correctResponsesPattern: q.answer.map((a) => `{case_matters=false}${a}`),
      };
  }
}

/**
 * The stored response (the quiz engine's QuizResponse as JSON) as xAPI's response string: choice
 * ids joined by "[,]", "true"/"false", or the typed text. A row in any other form is passed on
 * as its raw text rather than dropped, so an export never loses an answer.
 */
export function responseText(stored: string): string {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return stored;
  }
  const r = quizResponseSchema.safeParse(value);
  if (!r.success) return stored;
  switch (r.data.type) {
    case 'single':
      return r.data.option;
    case 'multiple':
      return joinIds(r.data.options);
    case 'truefalse':
      return String(r.data.value);
    case 'fill':
      return r.data.text;
  }
}
