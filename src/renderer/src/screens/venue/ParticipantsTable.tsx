import { useTranslation } from 'react-i18next';
import type { VenueReport } from '../../../../shared/contract/venue';
import { scorePercent, titleIn } from '../../../../shared/records';
import { formatTime } from '../progress/SessionTable';
import { Pager, usePage } from './Pager';

/**
 * Participants × sessions, a page at a time. One compact cell per session (✓/✗ and the best score;
 * the completion date on hover and for screen readers), the name column sticky on the left and
 * the header sticky on top, so a 1024 px window scrolls sideways inside the table only.
 */
export function ParticipantsTable({ report }: { report: VenueReport }) {
  const { t, i18n } = useTranslation();
  const { rows, ...pager } = usePage(report.participants);
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('venue.participants', { count: report.participants.length })}</h2>
      <div className="venue-table-wrap" tabIndex={0} role="region" aria-label={t('venue.participantsTable')}>
        <table className="records-table venue-table">
          <thead>
            <tr>
              <th scope="col" className="sticky-col">
                {t('venue.name')}
              </th>
              <th scope="col">{t('venue.unit')}</th>
              {report.sessions.map((s) => (
                <th key={s.id} scope="col" title={titleIn(s.titles, i18n.language, s.title)} className="session-col">
                  {t('venueReport.sessionShort', { n: s.ord })}
                </th>
              ))}
              <th scope="col" className="num">
                {t('venue.overall')}
              </th>
              {report.grantsCredit && (
                <th scope="col" className="num">
                  {t('venueReport.hours')}
                </th>
              )}
              <th scope="col" className="num">
                {t('venueReport.studyHours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={`${p.installationId}/${p.profileId}`}>
                <th scope="row" className="sticky-col" title={`${t('printedRecord.code')} ${p.code}`}>
                  {p.name}
                </th>
                <td className="unit-col">{p.unit}</td>
                {p.sessions.map((c, i) => {
                  const done = c?.completedAt ? formatTime(c.completedAt, i18n.language) : null;
                  return (
                    <td
                      key={report.sessions[i]!.id}
                      className={`session-cell ${c?.completedAt ? 'is-complete' : ''}`}
                      title={done ? t('venueReport.completedOn', { time: done }) : undefined}
                    >
                      {!c || (c.attempts === 0 && !c.passed) ? (
                        // Never submitted a quiz here: nothing to mark, as on the participant's screen.
                        <span className="muted">—</span>
                      ) : (
                        <>
                          <span className={c.passed ? 'success' : 'muted'} aria-hidden="true">
                            {c.passed ? '✓' : '✗'}
                          </span>
                          <span className="visually-hidden">
                            {c.passed ? t('venue.passedMark') : t('venue.notPassedMark')}
                          </span>{' '}
                          {c.bestScore === null ? '' : `${scorePercent(c.bestScore)}%`}
                          {done && (
                            <span className="visually-hidden">, {t('venueReport.completedOn', { time: done })}</span>
                          )}
                        </>
                      )}
                    </td>
                  );
                })}
                <td className="num">{t('records.ofTotal', { done: p.overall.completed, total: p.overall.total })}</td>
                {report.grantsCredit && <td className="num">{p.credit}</td>}
                <td className="num">{(Math.round(p.studySeconds / 360) / 10).toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t('venueReport.legend')}</p>
      {report.grantsCredit && <p className="small muted">{t('venueReport.creditHelp')}</p>}
      <Pager {...pager} />
    </section>
  );
}
