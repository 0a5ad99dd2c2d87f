import { useTranslation } from 'react-i18next';
import type { VenueReport } from '../../../../shared/contract/venue';
import { titleIn } from '../../../../shared/records';

/**
 * Counts of files and people, and per session how many passed and completed it and the credit
 * hours earned; titles in the UI language when the pack has it.
 */
export function Summary({ report }: { report: VenueReport }) {
  const { t, i18n } = useTranslation();
  const { files, totals } = report;
  const packTitle = titleIn(report.pack.titles, i18n.language, report.pack.title);
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('venue.summaryTitle', { title: packTitle, version: report.pack.version })}</h2>
      <ul className="totals">
        <li>
          <strong>{files.received}</strong> {t('venue.filesReceived', { count: files.received })}
        </li>
        <li>
          <strong>{files.accepted}</strong> {t('venue.filesAccepted', { count: files.accepted })}
        </li>
        <li>
          <strong>{files.rejected}</strong> {t('venue.filesRejected')}
        </li>
        <li>
          <strong>{files.superseded}</strong> {t('venue.filesSuperseded')}
        </li>
        <li>
          <strong>{totals.participants}</strong> {t('venue.people', { count: totals.participants })}
        </li>
        <li>
          <strong>{totals.completedAll}</strong> {t('venue.completedAll')}
        </li>
        {report.grantsCredit && (
          <li>
            <strong>{totals.credit}</strong> {t('venueReport.creditTotal')}
          </li>
        )}
      </ul>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('venue.perSession')}>
        <table className="records-table">
          <caption className="visually-hidden">{t('venue.perSession')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.session')}</th>
              <th scope="col" className="num">
                {t('venue.passedCount')}
              </th>
              <th scope="col" className="num">
                {t('venue.completedCount')}
              </th>
              {report.grantsCredit && (
                <th scope="col" className="num">
                  {t('venueReport.creditTotal')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {report.sessions.map((s, i) => (
              <tr key={s.id}>
                <th scope="row">
                  <span className="session-no">{t('records.sessionNo', { n: s.ord })}</span>{' '}
                  {titleIn(s.titles, i18n.language, s.title)}
                </th>
                <td className="num">{totals.sessions[i]!.passed}</td>
                <td className="num">{totals.sessions[i]!.completed}</td>
                {report.grantsCredit && <td className="num">{totals.sessions[i]!.credit}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
