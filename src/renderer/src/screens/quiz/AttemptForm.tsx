import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attempt, Review } from '../../../../shared/contract/quiz';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { wordError } from '../../i18n/errorText';
import { ProgressBar } from '../../components/ProgressBar';
import { QuestionField } from './QuestionField';
import { useAnswers } from './useAnswers';
import { usePackLanguage } from '../../hooks/usePackLanguage';

/**
 * All questions on one page with clear numbering (easier for older participants than paging),
 * every answer saved as it is given, and a confirmation before submitting with gaps.
 */
export function AttemptForm({ attempt, onSubmitted }: { attempt: Attempt; onSubmitted: (r: Review) => void }) {
  const { t } = useTranslation();
  const lang = usePackLanguage();
  const { responses, change, flush, state, error, answered } = useAnswers(attempt);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<Error>();
  const confirmRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const total = attempt.questions.length;
  const unanswered = total - answered;

  // The start button that had focus is gone; keyboard and screen-reader users continue here.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const unsaved = await flush();
      if (unsaved) throw unsaved;
      onSubmitted(await call('quiz.submit', { attemptId: attempt.attemptId }));
    } catch (e) {
      setSubmitError(e as Error);
      setSubmitting(false);
    }
  };

  return (
    <div className="quiz-form">
      <h2 ref={headingRef} tabIndex={-1} className="visually-hidden">
        {t('quiz.questionsHeading')}
      </h2>
      {attempt.resumed && <p className="notice">{t('quiz.resumed')}</p>}
      <div className="quiz-progress card">
        <p>
          {t('quiz.answeredOf', { answered, total })}
          <span className="save-state" role="status" aria-live="polite">
            {state === 'saving' && ` · ${t('quiz.saving')}`}
            {state === 'saved' && ` · ${t('quiz.saved')}`}
            {state === 'failed' && ` · ${t('quiz.saveFailed', { message: wordError(t, error).text })}`}
          </span>
        </p>
        <ProgressBar value={total ? answered / total : 0} label={t('quiz.answeredOf', { answered, total })} />
      </div>
      <ol className="questions" lang={lang}>
        {attempt.questions.map((q, i) => (
          <QuestionField
            key={q.id}
            no={i + 1}
            total={total}
            question={q}
            response={responses[q.id]}
            onChange={(r) => change(q.id, r)}
            lang={attempt.language}
          />
        ))}
      </ol>
      {confirming ? (
        <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="confirm-text" className="confirm">
          <p id="confirm-text">{t('quiz.confirmUnanswered', { count: unanswered })}</p>
          <div className="row">
            <button type="button" disabled={submitting} onClick={() => void submit()}>
              {t('quiz.submitAnyway')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('quiz.keepAnswering')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="submit-quiz"
          disabled={submitting}
          onClick={() => (unanswered > 0 ? setConfirming(true) : void submit())}
        >
          {submitting ? t('quiz.submitting') : t('quiz.submit')}
        </button>
      )}
      {submitError && <ErrorMessage error={submitError} />}
    </div>
  );
}
