import { useTranslation } from 'react-i18next';
import type { VenueReport } from '../../../../shared/contract/venue';
import { scorePercent } from '../../../../shared/records';
import { formatTime } from '../progress/SessionTable';
import { Pager, usePage } from './Pager';

/** Participants × sessions: passed, best score and completion per session, a page at a time. */
export function ParticipantsTable({ report }: { report: VenueReport }) {
  const { t, i18n } = useTranslation();
  const { rows, ...pager } = usePage(report.participants);
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('venue.participants', { count: report.participants.length })}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('venue.participantsTable')}>
        <table className="records-table">
          <thead>
            <tr>
              <th scope="col">{t('venue.name')}</th>
              <th scope="col">{t('venue.unit')}</th>
              {report.sessions.map((s) => (
                <th key={s.id} scope="col" title={s.title}>
                  {t('records.sessionNo', { n: s.ord })}
                </th>
              ))}
              <th scope="col">{t('venue.overall')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={`${p.installationId}/${p.profileId}`}>
                <th scope="row" className="nowrap">
                  {p.name}
                </th>
                <td className="nowrap">{p.unit}</td>
                {p.sessions.map((c, i) => (
                  <td key={report.sessions[i]!.id} className="num nowrap">
                    {!c ? (
                      '—'
                    ) : (
                      <>
                        <span className={c.passed ? 'success' : undefined}>
                          {c.passed ? t('venue.passedMark') : t('venue.notPassedMark')}
                        </span>{' '}
                        {c.bestScore === null ? '' : `${scorePercent(c.bestScore)}%`}
                        {c.completedAt && (
                          <span className="small block" title={formatTime(c.completedAt, i18n.language)}>
                            {new Date(c.completedAt).toLocaleDateString(i18n.language)}
                          </span>
                        )}
                      </>
                    )}
                  </td>
                ))}
                <td>{t('records.ofTotal', { done: p.overall.completed, total: p.overall.total })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager {...pager} />
    </section>
  );
}
