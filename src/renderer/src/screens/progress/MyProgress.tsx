import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { useCall } from '../../hooks/useCall';
import { useContentLanguage } from '../../hooks/useContentLanguage';
import { useApp } from '../../state';
import { CertificateLink } from './CertificateLink';
import { ExportPanel } from './ExportPanel';
import { LedgerTable } from './LedgerTable';
import { formatTime, SessionTable } from './SessionTable';
import './records.css';
import './printed-record.css';

// uPlot and the charts are a chunk of their own, fetched after the page's text is on screen.
const StudyCharts = lazy(async () => ({ default: (await import('./StudyCharts')).StudyCharts }));

/**
 * "My progress": the same course.overview the home screen shows, as a table, with the record
 * exports and a printable view (the print stylesheet hides navigation and buttons).
 */
export function MyProgress() {
  const { t, i18n } = useTranslation();
  const { profile } = useApp();
  const language = useContentLanguage();
  const { data, error, reload } = useCall('course.overview', { language });
  const print = useCall('records.printInfo', {});
  const ledger = useCall('progress.ledger', { language });
  // The time the page was opened, printed on paper as the record's "as of" time.
  const [openedAt] = useState(() => new Date().toISOString());
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data) return <p>{t('app.loading')}</p>;
  const { pack, overall, sessions } = data;
  const done = overall.completedAt !== null;
  return (
    <div className="printable-record">
      {/* On paper the page is the completion record, so it carries that title. */}
      <h1>
        <span className="no-print">{t('records.title')}</span>
        <span className="print-only">{t('records.printTitle')}</span>
      </h1>
      <section className="card" aria-labelledby="who-heading">
        <h2 id="who-heading" className="visually-hidden">
          {t('records.participant')}
        </h2>
        <dl className="record-facts">
          <dt>{t('records.name')}</dt>
          <dd>{profile.name}</dd>
          <dt>{t('records.unit')}</dt>
          <dd>{profile.unit}</dd>
          {profile.venue && (
            <>
              <dt>{t('records.venue')}</dt>
              <dd>{profile.venue}</dd>
            </>
          )}
          <dt>{t('records.pack')}</dt>
          <dd>{t('records.packValue', { title: pack.title, version: pack.version })}</dd>
          <dt>{t('records.overall')}</dt>
          <dd>
            <span className={`badge badge-${done ? 'complete' : 'in-progress'}`}>
              {done ? t('records.overallDone') : t('records.overallOpen')}
            </span>
            {t('records.completedOf', { done: overall.completed, total: overall.total })}
            {done && ` · ${formatTime(overall.completedAt, i18n.language)}`}
          </dd>
          <dt className="print-only">{t('records.asOf')}</dt>
          <dd className="print-only">{formatTime(openedAt, i18n.language)}</dd>
          {print.data && (
            <>
              <dt className="print-only">{t('printedRecord.number')}</dt>
              <dd className="print-only">{print.data.recordNumber}</dd>
              <dt className="print-only">{t('printedRecord.code')}</dt>
              <dd className="print-only record-code">{print.data.verificationCode}</dd>
            </>
          )}
        </dl>
        <ProgressBar value={overall.fraction} label={t('records.overall')} />
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('records.sessions')}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('records.tableCaption')}>
          <SessionTable sessions={sessions} />
        </div>
        <p className="small">{t('records.legend')}</p>
      </section>
      {/* Above everything that loads later (ledger, charts, certificate link), so its buttons never
          move under the pointer while those appear. */}
      <ExportPanel printName={`${t('records.printTitle')}-${profile.name}.pdf`} />
      {/* On paper: what the code means, and the lines the venue signs and seals. */}
      <section className="print-only printed-record-foot">
        <p className="small">{t('printedRecord.codeHelp')}</p>
        <div className="signature-lines">
          <span>{t('printedRecord.participantSignature')}</span>
          <span>{t('printedRecord.venueSignature')}</span>
          <span>{t('printedRecord.seal')}</span>
        </div>
      </section>
      {ledger.data && <LedgerTable ledger={ledger.data} />}
      {ledger.data && (
        <Suspense fallback={<p className="no-print">{t('charts.loading')}</p>}>
          <StudyCharts ledger={ledger.data} sessions={sessions} />
        </Suspense>
      )}
      <CertificateLink />
    </div>
  );
}
