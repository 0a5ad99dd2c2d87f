import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from '../../router';
import type { Review } from '../../../../shared/contract/quiz';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCall } from '../../hooks/useCall';
import { History, PracticeEntry } from './History';
import { ReviewList } from './ReviewList';
import './quiz.css';

/**
 * `/session/:sessionId/quiz/review/:attemptId`. Right after submitting, the submit's own review
 * arrives as navigation state (it alone knows the submit completed the session).
 */
export function ReviewScreen() {
  const { sessionId = '', attemptId = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const id = Number(attemptId);
  const fresh = (location.state as { review?: Review } | null)?.review;
  const loaded = useCall('quiz.review', { attemptId: Number.isInteger(id) && id > 0 ? id : -1 });
  const history = useCall('quiz.history', { sessionId });
  const wrong = useCall('quiz.wrongList', { sessionId });
  // Braces: Chromium's scrollTo now returns a promise, which React would call as a cleanup.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [attemptId]);
  const review = fresh?.attemptId === id ? fresh : loaded.data;
  if (!review && loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!review || !history.data) return <p>{t('app.loading')}</p>;
  const h = history.data;
  return (
    <div className="quiz">
      <Link to={`/session/${sessionId}`}>{t('quiz.backToSession')}</Link>
      <h1>
        <span className="session-no">{t('home.sessionNo', { n: h.session.ord })}</span>
        {t('quiz.resultTitle', { title: h.session.title })}
      </h1>
      <ReviewList review={review} />
      <p className="row">
        <Link className="button" to={`/session/${sessionId}/quiz`}>
          {t('quiz.again')}
        </Link>
      </p>
      <History history={h} />
      {wrong.data && <PracticeEntry sessionId={sessionId} count={wrong.data.items.length} />}
    </div>
  );
}
