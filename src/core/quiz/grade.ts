import type { AnswerKey, QuizResponse } from '../../shared/contract/quiz';
import { AppError } from '../../shared/errors';
import type { Question } from '../../shared/pack/schema';
import { matchesAccepted } from '../text/normalize';

/** Pure grading: no database, no clock, so every rule is testable on its own. */
export function grade(q: Question, r: QuizResponse | null): boolean {
  if (!r || r.type !== q.type) return false;
  switch (q.type) {
    case 'single':
      return r.type === 'single' && r.option === q.answer[0];
    case 'multiple': {
      if (r.type !== 'multiple') return false;
      const chosen = new Set(r.options);
      // Exactly the set: every right option ticked and nothing else.
      return chosen.size === q.answer.length && q.answer.every((a) => chosen.has(a));
    }
    case 'truefalse':
      return r.type === 'truefalse' && r.value === q.answer;
    case 'fill':
      return r.type === 'fill' && matchesAccepted(r.text, q.answer);
  }
}

export function answerKey(q: Question): AnswerKey {
  switch (q.type) {
    case 'single':
      return { type: 'single', option: q.answer[0]! };
    case 'multiple':
      return { type: 'multiple', options: [...q.answer] };
    case 'truefalse':
      return { type: 'truefalse', value: q.answer };
    case 'fill':
      return { type: 'fill', accepted: [...q.answer] };
  }
}

/** Nothing ticked or nothing typed: saving this clears the answer rather than storing it. */
export function isBlank(r: QuizResponse): boolean {
  return (r.type === 'multiple' && r.options.length === 0) || (r.type === 'fill' && r.text.trim() === '');
}

/** The schema checks the shape; this checks it fits this question (type, real options, no repeats). */
export function checkResponse(q: Question, r: QuizResponse): void {
  const bad = (why: string) => {
    throw new AppError('INVALID_INPUT', `Invalid response for question "${q.id}": ${why}.`, {
      reason: 'quiz.invalidResponse',
      questionId: q.id,
    });
  };
  if (r.type !== q.type) bad(`a ${q.type} question cannot take a ${r.type} response`);
  if (q.type !== 'single' && q.type !== 'multiple') return;
  const ids = new Set(q.options.map((o) => o.id));
  const chosen = r.type === 'single' ? [r.option] : r.type === 'multiple' ? r.options : [];
  for (const id of chosen) if (!ids.has(id)) bad(`"${id}" is not one of its options`);
  if (new Set(chosen).size !== chosen.length) bad('an option is chosen twice');
}
