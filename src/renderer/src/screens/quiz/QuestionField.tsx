import { useTranslation } from 'react-i18next';
import type { AskedQuestion, QuizResponse } from '../../../../shared/contract/quiz';
import { optionLetter } from './describe';

interface Props {
  no: number;
  total: number;
  question: AskedQuestion;
  response: QuizResponse | undefined;
  onChange: (r: QuizResponse) => void;
  /** The content language of the prompt and options (the hints around them are UI text). */
  lang?: string;
}

/** One question as a fieldset whose legend is the prompt, so every control has a visible label. */
export function QuestionField({ no, total, question: q, response, onChange, lang }: Props) {
  const { t } = useTranslation();
  const name = `q-${q.id}`;
  const choice = (
    key: string,
    type: 'radio' | 'checkbox',
    checked: boolean,
    label: string,
    pick: () => void,
    labelLang = lang,
  ) => (
    <label key={key} className="choice">
      <input type={type} name={name} checked={checked} onChange={pick} />
      <span lang={labelLang}>{label}</span>
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
          undefined,
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
          <span className="question-prompt" lang={lang}>
            {q.prompt}
          </span>
          <span className="question-hint">{t(`quiz.hint.${q.type}`)}</span>
        </legend>
        {controls}
      </fieldset>
    </li>
  );
}
