import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from '../../router';
import type { Attempt, Review, WrongItem } from '../../../../shared/contract/quiz';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCall } from '../../hooks/useCall';
import { useContentLanguage } from '../../hooks/useContentLanguage';
import { AttemptForm } from './AttemptForm';
import { dateTime } from './describe';
import { ReviewList } from './ReviewList';
import './quiz.css';

function WrongList({ items }: { items: WrongItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="wrong-list">
      {items.map((w) => (
        <li key={w.questionId}>
          <span className="question-prompt">{w.prompt}</span>
          <span className="small">
            {t('home.sessionNo', { n: w.sessionOrd })} ·{' '}
            {t('quiz.timesWrong', { count: w.timesWrong, when: dateTime(w.lastWrongAt, i18n.language) })}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * `/practice` (all sessions) and `/session/:sessionId/practice`: asks the questions in the
 * wrong-answer list, most recently wrong first. A right answer here takes a question off the
 * list; practice never counts for passing.
 */
export function PracticeScreen() {
  const { sessionId } = useParams();
  const { t } = useTranslation();
  const scope = sessionId ? { sessionId } : {};
  const language = useContentLanguage();
  const list = useCall('quiz.wrongList', { ...scope, language });
  const [attempt, setAttempt] = useState<Attempt>();
  const [review, setReview] = useState<Review>();
  const [error, setError] = useState<Error>();
  // Braces: Chromium's scrollTo now returns a promise, which React would call as a cleanup.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [attempt, review]);

  const start = () => {
    setReview(undefined);
    call('quiz.start', { ...scope, mode: 'practice', language }).then(setAttempt, setError);
  };
  const done = (r: Review) => {
    setAttempt(undefined);
    setReview(r);
    list.reload();
  };

  const items = list.data?.items ?? [];
  return (
    <div className="quiz">
      <Link to={sessionId ? `/session/${sessionId}/quiz` : '/'}>
        {sessionId ? t('quiz.backToQuiz') : t('session.back')}
      </Link>
      <h1>{sessionId ? t('quiz.practiceSessionTitle') : t('quiz.practiceAllTitle')}</h1>
      {attempt && <AttemptForm key={attempt.attemptId} attempt={attempt} onSubmitted={done} />}
      {review && <ReviewList review={review} />}
      {!attempt && (
        <section className="card" aria-labelledby="wrong-heading">
          <h2 id="wrong-heading">{t('quiz.wrongListHeading')}</h2>
          {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
          {list.data && <p>{t('quiz.wrongCount', { count: items.length })}</p>}
          {items.length > 0 ? (
            <>
              <p>{t('quiz.practiceIntro')}</p>
              <WrongList items={items} />
              <button type="button" onClick={start}>
                {t('quiz.practise', { count: items.length })}
              </button>
            </>
          ) : (
            list.data && <p className="success">{t('quiz.nothingWrong')}</p>
          )}
          {error && <ErrorMessage error={error} />}
        </section>
      )}
    </div>
  );
}
