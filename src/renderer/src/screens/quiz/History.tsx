import { useTranslation } from 'react-i18next';
import { Link } from '../../router';
import type { QuizHistory } from '../../../../shared/contract/quiz';
import { dateTime, percent } from './describe';

/** Best and latest score, then every submitted attempt with a link to its review. */
export function History({ history }: { history: QuizHistory }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sessionId = history.session.id;
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('quiz.history')}</h2>
      {history.attempts.length === 0 ? (
        <p>{t('quiz.noAttempts')}</p>
      ) : (
        <>
          <p>
            {t('quiz.best', { percent: percent(history.best ?? 0, lang) })} ·{' '}
            {t('quiz.latest', { percent: percent(history.latest ?? 0, lang) })}
          </p>
          <table className="history">
            <thead>
              <tr>
                <th scope="col">{t('quiz.when')}</th>
                <th scope="col">{t('quiz.scoreColumn')}</th>
                <th scope="col">{t('quiz.passedColumn')}</th>
                <th scope="col">{t('quiz.reviewColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {history.attempts.map((a) => (
                <tr key={a.attemptId}>
                  <td>{dateTime(a.submittedAt, lang)}</td>
                  <td>
                    {a.score} / {a.total} ({percent(a.total ? a.score / a.total : 0, lang)})
                  </td>
                  <td className={a.passed ? 'success' : undefined}>{a.passed ? t('quiz.yes') : t('quiz.no')}</td>
                  <td>
                    <Link
                      to={`/session/${sessionId}/quiz/review/${a.attemptId}`}
                      aria-label={t('quiz.reviewAttempt', { when: dateTime(a.submittedAt, lang) })}
                    >
                      {t('quiz.reviewLink')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The way into practice, with how many questions wait in the wrong-answer list. */
export function PracticeEntry({ sessionId, count }: { sessionId: string; count: number }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="practice-heading">
      <h2 id="practice-heading">{t('quiz.practiceHeading')}</h2>
      <p>{t('quiz.wrongCount', { count })}</p>
      {count > 0 && (
        <Link className="button" to={`/session/${sessionId}/practice`}>
          {t('quiz.practise', { count })}
        </Link>
      )}{' '}
      <Link to="/practice">{t('quiz.allWrong')}</Link>
    </section>
  );
}
