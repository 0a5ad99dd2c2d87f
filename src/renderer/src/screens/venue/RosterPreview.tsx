import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract';

export type RosterReading = CallOutput<'venue.previewRoster'>;

/** How the roster was read (format, encoding, header), its first people, and rows it cannot use. */
export function RosterPreview({ preview }: { preview: RosterReading }) {
  const { t } = useTranslation();
  const how = preview.format === 'xlsx' ? 'XLSX' : `CSV · ${preview.encoding?.toUpperCase() ?? ''}`;
  return (
    <div className="roster-preview" aria-labelledby="roster-preview-heading">
      <h3 id="roster-preview-heading">{t('venueReport.rosterPreview', { count: preview.total })}</h3>
      <p className="small">
        {how} ·{' '}
        {preview.headerRow === null
          ? t('venueReport.rosterNoHeader')
          : t('venueReport.rosterHeader', {
              row: preview.headerRow,
              columns: [preview.columns.name, preview.columns.unit, preview.columns.venue]
                .filter(Boolean)
                .join(t('venueReport.listSeparator')),
            })}
      </p>
      {preview.first.length > 0 && (
        <table className="records-table compact">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('venueReport.row')}
              </th>
              <th scope="col">{t('venue.name')}</th>
              <th scope="col">{t('venue.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.first.map((p) => (
              <tr key={p.row}>
                <td className="num">{p.row}</td>
                <td>{p.name}</td>
                <td>{p.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.problems.length > 0 && (
        <ul className="error" role="alert">
          {preview.problems.slice(0, 20).map((p) => (
            <li key={`${p.row}-${p.reason}`}>{t(`reasons.${p.reason}`, { ...p })}</li>
          ))}
          {preview.problems.length > 20 && (
            <li>{t('venueReport.moreProblems', { count: preview.problems.length - 20 })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
