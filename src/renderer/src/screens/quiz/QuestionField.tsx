import { useTranslation } from 'react-i18next';
import type { AskedQuestion, QuizResponse } from '../../../../shared/contract/quiz';
import { optionLetter } from './describe';

interface Props {
  no: number;
  total: number;
  question: AskedQuestion;
  response: QuizResponse | undefined;
  onChange: (r: QuizResponse) => void;
}

/** One question as a fieldset whose legend is the prompt, so every control has a visible label. */
export function QuestionField({ no, total, question: q, response, onChange }: Props) {
  const { t } = useTranslation();
  const name = `q-${q.id}`;
  const choice = (key: string, type: 'radio' | 'checkbox', checked: boolean, label: string, pick: () => void) => (
    <label key={key} className="choice">
      <input type={type} name={name} checked={checked} onChange={pick} />
      <span>{label}</span>
    </label>
  );
  let controls;
  switch (q.type) {
    case 'single':
      controls = q.options.map((o, i) =>
        choice(
          o.id,
          'radio',
          response?.type === 'single' && response.option === o.id,
          `${optionLetter(i)}. ${o.text}`,
          () => onChange({ type: 'single', option: o.id }),
        ),
      );
      break;
    case 'multiple': {
      const chosen = response?.type === 'multiple' ? response.options : [];
      controls = q.options.map((o, i) =>
        choice(o.id, 'checkbox', chosen.includes(o.id), `${optionLetter(i)}. ${o.text}`, () =>
          onChange({
            type: 'multiple',
            options: chosen.includes(o.id) ? chosen.filter((c) => c !== o.id) : [...chosen, o.id],
          }),
        ),
      );
      break;
    }
    case 'truefalse':
      controls = [true, false].map((value) =>
        choice(
          String(value),
          'radio',
          response?.type === 'truefalse' && response.value === value,
          t(`quiz.${value}`),
          () => onChange({ type: 'truefalse', value }),
        ),
      );
      break;
    case 'fill':
      controls = (
        <label className="fill">
          {t('quiz.yourAnswerLabel')}
          <input
            type="text"
            maxLength={200}
            autoComplete="off"
            value={response?.type === 'fill' ? response.text : ''}
            onChange={(e) => onChange({ type: 'fill', text: e.target.value })}
          />
        </label>
      );
  }
  return (
    <li className="card question" data-testid={`question-${q.id}`}>
      <fieldset>
        <legend>
          <span className="question-no">{t('quiz.questionNo', { no, total })}</span>
          <span className="question-prompt">{q.prompt}</span>
          <span className="question-hint">{t(`quiz.hint.${q.type}`)}</span>
        </legend>
        {controls}
      </fieldset>
    </li>
  );
}
