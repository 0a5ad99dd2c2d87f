import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from '../../router';
import type { Attempt, QuizHistory } from '../../../../shared/contract/quiz';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCall } from '../../hooks/useCall';
import { useContentLanguage } from '../../hooks/useContentLanguage';
import { AttemptForm } from './AttemptForm';
import { percent } from './describe';
import { History, PracticeEntry } from './History';
import './quiz.css';

function Intro({ history, onStart }: { history: QuizHistory; onStart: () => void }) {
  const { t, i18n } = useTranslation();
  const open = history.inProgress;
  return (
    <section className="card" aria-labelledby="quiz-intro">
      <h2 id="quiz-intro">{t('quiz.aboutHeading')}</h2>
      <p>
        {t('quiz.questionsCount', { count: history.session.questions })} ·{' '}
        {t('quiz.passMark', { percent: percent(history.passMark, i18n.language) })}
      </p>
      <p>{t('quiz.intro')}</p>
      {history.passed && <p className="success">{t('quiz.alreadyPassed')}</p>}
      <button type="button" onClick={onStart}>
        {open ? t('quiz.continue', { answered: open.answered }) : t('quiz.start')}
      </button>
    </section>
  );
}

/** `/session/:sessionId/quiz`: the session's self-check quiz, its history and the way to practice. */
export function QuizScreen() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const history = useCall('quiz.history', { sessionId });
  const language = useContentLanguage();
  const wrong = useCall('quiz.wrongList', { sessionId, language });
  const [attempt, setAttempt] = useState<Attempt>();
  const [startError, setStartError] = useState<Error>();
  // Braces: Chromium's scrollTo now returns a promise, which React would call as a cleanup.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [attempt]);

  const start = () =>
    call('quiz.start', { sessionId, mode: 'quiz', language }).then((a) => {
      setStartError(undefined);
      setAttempt(a);
    }, setStartError);

  if (history.error) return <ErrorMessage error={history.error} onRetry={history.reload} />;
  if (!history.data) return <p>{t('app.loading')}</p>;
  const h = history.data;
  return (
    <div className="quiz">
      <Link to={`/session/${sessionId}`}>{t('quiz.backToSession')}</Link>
      <h1>
        <span className="session-no">{t('home.sessionNo', { n: h.session.ord })}</span>
        {t('quiz.title', { title: h.session.title })}
      </h1>
      {attempt ? (
        <AttemptForm
          attempt={attempt}
          onSubmitted={(review) =>
            void navigate(`/session/${sessionId}/quiz/review/${review.attemptId}`, { state: { review } })
          }
        />
      ) : (
        <>
          <Intro history={h} onStart={() => void start()} />
          {startError && <ErrorMessage error={startError} />}
          <History history={h} />
          {wrong.data && <PracticeEntry sessionId={sessionId} count={wrong.data.items.length} />}
        </>
      )}
    </div>
  );
}
