import { useTranslation } from 'react-i18next';
import { Link } from '../../router';
import type { SessionProgress } from '../../../../shared/contract/study';
import { percent } from './describe';

/** The session screen's way to its quiz, with the pass mark and the best score so far. */
export function QuizLink({ sessionId, quiz }: { sessionId: string; quiz: SessionProgress['quiz'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby="quiz-link-heading">
      <h2 id="quiz-link-heading">{t('session.quiz')}</h2>
      <p>
        {t('quiz.questionsCount', { count: quiz.questions })} ·{' '}
        {t('quiz.passMark', { percent: percent(quiz.passMark, lang) })}
      </p>
      <p>
        {quiz.bestScore === null ? t('quiz.noAttempts') : t('quiz.best', { percent: percent(quiz.bestScore, lang) })}
        {quiz.passed && <span className="success"> · {t('quiz.passed')}</span>}
      </p>
      <Link className="button" to={`/session/${sessionId}/quiz`}>
        {quiz.attempts ? t('quiz.openQuiz') : t('quiz.start')}
      </Link>
    </section>
  );
}
