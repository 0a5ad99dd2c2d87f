import type { TFunction } from 'i18next';
import type { AnswerKey, AskedQuestion, QuizResponse } from '../../../../shared/contract/quiz';

/** Options are lettered by their shown position, so the letters match what the participant saw. */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

function optionLabel(q: AskedQuestion, id: string): string {
  const i = q.options.findIndex((o) => o.id === id);
  return i < 0 ? id : `${optionLetter(i)}. ${q.options[i]!.text}`;
}

/** A response or the right answer as words: the lettered options, true/false, or the text. */
export function describeAnswer(t: TFunction, q: AskedQuestion, a: QuizResponse | AnswerKey | null): string[] {
  if (!a) return [t('quiz.noAnswer')];
  switch (a.type) {
    case 'single':
      return [optionLabel(q, a.option)];
    case 'multiple': {
      const order = (id: string) => q.options.findIndex((o) => o.id === id);
      const ids = [...a.options].sort((x, y) => order(x) - order(y));
      return ids.length ? ids.map((id) => optionLabel(q, id)) : [t('quiz.noAnswer')];
    }
    case 'truefalse':
      // Not the bare option word: "您的答案：错误" beside "✗ 答错了" would read as a verdict.
      return [t(`quiz.tfAnswer.${a.value}`)];
    case 'fill':
      return 'accepted' in a ? [a.accepted.join(' / ')] : [a.text];
  }
}

export const percent = (fraction: number, lang: string): string =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

export const dateTime = (iso: string, lang: string): string =>
  new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
