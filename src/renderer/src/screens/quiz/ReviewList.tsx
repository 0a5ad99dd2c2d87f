import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router';
import type { Review, ReviewItem } from '../../../../shared/contract/quiz';
import { describeAnswer, percent } from './describe';
import { usePackLanguage } from '../../hooks/usePackLanguage';

function Answer({ label, lines }: { label: string; lines: string[] }) {
  return (
    <>
      <dt>{label}</dt>
      {lines.map((line, i) => (
        <dd key={i}>{line}</dd>
      ))}
    </>
  );
}

function Item({ item, no, lang }: { item: ReviewItem; no: number; lang: string }) {
  const { t } = useTranslation();
  return (
    <li className={`card review-item ${item.correct ? 'right' : 'wrong'}`} data-testid={`review-${item.id}`}>
      <h3>
        <span className="question-no">{t('quiz.reviewNo', { no })}</span>
        <span className="question-prompt" lang={lang}>
          {item.prompt}
        </span>
      </h3>
      <p className={item.correct ? 'verdict success' : 'verdict wrong-text'}>
        {item.correct ? t('quiz.correct') : t('quiz.incorrect')}
      </p>
      <dl className="answers">
        <Answer label={t('quiz.yourAnswer')} lines={describeAnswer(t, item, item.response)} />
        <Answer label={t('quiz.rightAnswer')} lines={describeAnswer(t, item, item.answer)} />
      </dl>
      <p className="explanation">
        <strong>{t('quiz.explanation')}</strong> <span lang={lang}>{item.explanation}</span>
      </p>
      <blockquote className="source-quote">
        <span className="visually-hidden">{t('session.sourceLabel')}</span>
        <span lang={lang}>{item.source}</span>
        <Link to={`/source?quote=${encodeURIComponent(item.source)}`}>{t('quiz.showInArticle')}</Link>
      </blockquote>
    </li>
  );
}

/** Score, pass or not against the pass mark, then every question with both answers and why. */
export function ReviewList({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const contentLang = usePackLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After submitting, the submit button is gone: the result is where attention belongs next.
  useEffect(() => {
    headingRef.current?.focus();
  }, [review.attemptId]);
  return (
    <>
      <section className="card score" aria-labelledby="score-heading">
        <h2 id="score-heading" ref={headingRef} tabIndex={-1}>
          {t('quiz.result')}
        </h2>
        <p className="score-line">
          {t('quiz.score', {
            score: review.score,
            total: review.total,
            percent: percent(review.total ? review.score / review.total : 0, lang),
          })}
        </p>
        {review.passed !== null && (
          <>
            <p>{t('quiz.passMark', { percent: percent(review.passMark, lang) })}</p>
            <p className={review.passed ? 'success' : 'wrong-text'}>
              {review.passed ? t('quiz.passed') : t('quiz.notPassed')}
            </p>
          </>
        )}
        {review.completedSession && <p className="success">{t('quiz.sessionComplete')}</p>}
      </section>
      <h2>{t('quiz.reviewHeading')}</h2>
      <ol className="review-items" lang={contentLang}>
        {review.items.map((item, i) => (
          <Item key={item.id} item={item} no={i + 1} lang={review.language} />
        ))}
      </ol>
    </>
  );
}
