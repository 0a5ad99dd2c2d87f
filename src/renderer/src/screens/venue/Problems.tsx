import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VenueReport } from '../../../../shared/contract/venue';
import { Pager, usePage } from './Pager';

/**
 * Reasons whose detail is data (the pack id and version a record names). The other details are
 * the core's English diagnosis: kept in the exported report and a tooltip, not in the sentence.
 */
const DATA_DETAIL = new Set<string>(['unknown-pack', 'other-pack']);

/** A rejection's values, with the kind of time (`what`) in the reader's language. */
function reasonValues(values: Record<string, string | number> | undefined, t: TFunction) {
  const v = { ...values };
  if (typeof v.what === 'string') v.what = t(`venueReport.what.${v.what}`);
  return v;
}

/** Every file that did not count, with its reason: nothing is dropped without a word. */
export function RejectedList({ rejected }: { rejected: VenueReport['rejected'] }) {
  const { t } = useTranslation();
  const { rows, ...pager } = usePage(rejected);
  if (!rejected.length) return <p className="success">{t('venue.noneRejected')}</p>;
  return (
    <section className="card" aria-labelledby="rejected-heading">
      <h2 id="rejected-heading">{t('venue.rejectedTitle', { count: rejected.length })}</h2>
      <ul className="rejected-list">
        {rows.map((r, i) => (
          <li key={`${r.file}#${i}`}>
            <strong>{r.file}</strong>: <span title={r.detail}>{t(`venue.reasons.${r.reason}`)}</span>
            {r.key && <span className="block">{t(`reasons.${r.key}`, reasonValues(r.values, t))}</span>}
            {DATA_DETAIL.has(r.reason) && <span className="small"> ({r.detail})</span>}
          </li>
        ))}
      </ul>
      <Pager {...pager} />
    </section>
  );
}

export function OtherNotes({ report }: { report: VenueReport }) {
  const { t } = useTranslation();
  const { superseded, warnings, roster } = report;
  return (
    <>
      {roster && (
        <section className="card" aria-labelledby="roster-heading">
          <h2 id="roster-heading">{t('venue.rosterTitle')}</h2>
          <p>{t('venue.rosterSummary', { total: roster.total, missing: roster.missing.length })}</p>
          {roster.problems.length > 0 && (
            <details>
              <summary>{t('venueReport.rosterProblems', { count: roster.problems.length })}</summary>
              <ul>
                {roster.problems.map((p) => (
                  <li key={`${p.row}-${p.reason}`}>{t(`reasons.${p.reason}`, { ...p })}</li>
                ))}
              </ul>
            </details>
          )}
          {roster.missing.length > 0 && (
            <ul>
              {roster.missing.map((p, i) => (
                <li key={i}>{p.unit ? `${p.name} · ${p.unit}` : p.name}</li>
              ))}
            </ul>
          )}
          {roster.notOnRoster.length > 0 && (
            <details>
              <summary>{t('venue.notOnRoster', { count: roster.notOnRoster.length })}</summary>
              <ul>
                {roster.notOnRoster.map((p, i) => (
                  <li key={i}>{`${p.name} · ${p.unit}`}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
      {superseded.length > 0 && (
        <details className="card">
          <summary>{t('venue.supersededTitle', { count: superseded.length })}</summary>
          <ul>
            {superseded.map((s, i) => (
              <li key={i}>{t('venue.supersededBy', { file: s.file, by: s.by })}</li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <details className="card">
          <summary>{t('venue.warningsTitle', { count: warnings.length })}</summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                {w.code === 'credit-claim'
                  ? t('venue.creditClaimWarning', { file: w.file, ...w.values })
                  : t('venue.packVersionWarning', { file: w.file, detail: w.detail })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
