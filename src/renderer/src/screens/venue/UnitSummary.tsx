import { useTranslation } from 'react-i18next';
import type { VenueReport } from '../../../../shared/contract/venue';
import { creditHours, titleIn } from '../../../../shared/records';
import { printPage } from '../progress/download';

/**
 * Per work unit: enrolled (from the roster), submitted, completed every session, credit hours
 * (学时, when the pack grants any) and study time,
 * with a total line. It has its own print button: printing it prints this table alone, on A4
 * landscape, with signature lines for the venue (venue.css, body.print-units).
 */
export function UnitSummary({ report }: { report: VenueReport }) {
  const { t, i18n } = useTranslation();
  const sum = (f: (u: VenueReport['units'][number]) => number | null) =>
    report.units.reduce<number | null>((n, u) => (f(u) === null ? n : (n ?? 0) + f(u)!), null);
  const print = async () => {
    document.body.classList.add('print-units');
    try {
      await printPage(`venue-units-${report.pack.id}.pdf`);
    } finally {
      document.body.classList.remove('print-units');
    }
  };
  const hours = (h: number) => h.toFixed(1);
  return (
    <section className="card unit-summary" aria-labelledby="units-heading">
      <div className="print-only unit-print-head">
        <h1>{t('venueReport.unitsPrintTitle')}</h1>
        <p>
          {t('venue.summaryTitle', {
            title: titleIn(report.pack.titles, i18n.language, report.pack.title),
            version: report.pack.version,
          })}{' '}
          · {t('venueReport.generated', { time: new Date(report.generatedAt).toLocaleString(i18n.language) })}
        </p>
      </div>
      <h2 id="units-heading" className="no-print">
        {t('venueReport.unitsTitle')}
      </h2>
      <table className="records-table units-table">
        <thead>
          <tr>
            <th scope="col">{t('venue.unit')}</th>
            <th scope="col" className="num">
              {t('venueReport.enrolled')}
            </th>
            <th scope="col" className="num">
              {t('venueReport.submitted')}
            </th>
            <th scope="col" className="num">
              {t('venueReport.completedAll')}
            </th>
            {report.grantsCredit && (
              <th scope="col" className="num">
                {t('venueReport.creditTotal')}
              </th>
            )}
            <th scope="col" className="num">
              {t('venueReport.hoursTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.units.map((u) => (
            <tr key={u.unit}>
              <th scope="row">{u.unit || '—'}</th>
              <td className="num">{u.enrolled ?? '—'}</td>
              <td className="num">{u.submitted}</td>
              <td className="num">{u.completedAll}</td>
              {report.grantsCredit && <td className="num">{u.credit}</td>}
              <td className="num">{hours(u.studyHours)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('venueReport.total')}</th>
            <td className="num">{sum((u) => u.enrolled) ?? '—'}</td>
            <td className="num">{sum((u) => u.submitted)}</td>
            <td className="num">{sum((u) => u.completedAll)}</td>
            {report.grantsCredit && <td className="num">{creditHours(sum((u) => u.credit) ?? 0)}</td>}
            <td className="num">{hours(sum((u) => u.studyHours) ?? 0)}</td>
          </tr>
        </tfoot>
      </table>
      <div className="print-only signature-lines">
        <span>{t('venueReport.signedBy')}</span>
        <span>{t('venueReport.seal')}</span>
        <span>{t('venueReport.date')}</span>
      </div>
      <button type="button" className="secondary no-print" onClick={() => void print()}>
        {t('venueReport.printUnits')}
      </button>
    </section>
  );
}
