import { useTranslation } from 'react-i18next';
import type { SessionProgress } from '../../../../shared/contract/study';
import { scorePercent } from '../../../../shared/records';

export const formatTime = (iso: string | null, language: string): string =>
  iso ? new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) : '';

/** One row per session, straight from course.overview: the numbers the exports carry too. */
export function SessionTable({ sessions }: { sessions: SessionProgress[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="records-table">
      <caption className="visually-hidden">{t('records.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('records.session')}</th>
          <th scope="col">{t('records.status')}</th>
          <th scope="col" className="num">
            {t('records.read')}
          </th>
          <th scope="col" className="num">
            {t('records.keyPoints')}
          </th>
          <th scope="col" className="num">
            {t('records.bestScore')}
          </th>
          <th scope="col">{t('records.passed')}</th>
          <th scope="col">{t('records.completedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <span className="session-no">{t('records.sessionNo', { n: s.ord })}</span> {s.title}
            </th>
            <td>
              <span className={`badge badge-${s.status}`}>{t(`records.statusValue.${s.status}`)}</span>
            </td>
            <td className="num">{scorePercent(s.reading.fraction)}%</td>
            <td className="num">{t('records.ofTotal', { done: s.keyPoints.reviewed, total: s.keyPoints.total })}</td>
            <td className="num">
              {s.quiz.bestScore === null ? (
                <span title={t('records.notAttempted')}>
                  —<span className="visually-hidden">{t('records.notAttempted')}</span>
                </span>
              ) : (
                `${scorePercent(s.quiz.bestScore)}%`
              )}
            </td>
            <td>{s.quiz.passed ? t('records.yes') : t('records.no')}</td>
            <td>{formatTime(s.completedAt, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
