import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VenueReport } from '../../../../shared/contract/venue';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { useCall } from '../../hooks/useCall';
import { saveBase64, saveText } from '../progress/download';
import '../progress/records.css';
import { importRecords, recordFilesOf, rosterFile, type ImportProgress } from './importer';
import { RosterPreview, type RosterReading } from './RosterPreview';
import { UnitSummary } from './UnitSummary';
import { CertificateCheck } from './CertificateCheck';
import './venue.css';
import { FilePickers, type Picked } from './FilePickers';
import { ParticipantsTable } from './ParticipantsTable';
import { OtherNotes, RejectedList } from './Problems';
import { Summary } from './Summary';
import { wordError } from '../../i18n/errorText';

type Step =
  | { kind: 'idle' }
  | { kind: 'importing'; progress: ImportProgress }
  | { kind: 'done'; report: VenueReport }
  | { kind: 'failed'; message: string };

/** The venue's side: check the participants' signed record files and report on them. */
export function VenueScreen() {
  const { t, i18n } = useTranslation();
  const packs = useCall('library.list', {});
  const [packId, setPackId] = useState<string>('');
  const [picked, setPicked] = useState<Picked>({ files: [], skipped: 0 });
  const [roster, setRoster] = useState<File | undefined>();
  const [preview, setPreview] = useState<RosterReading | { error: Error } | undefined>();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [exportError, setExportError] = useState<string>();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const busy = step.kind === 'importing';

  const start = async () => {
    setStep({ kind: 'importing', progress: { done: 0, total: picked.files.length } });
    try {
      const report = await importRecords(picked.files, {
        ...(packId ? { packId } : {}),
        ...(roster ? { roster } : {}),
        onProgress: (progress) => setStep({ kind: 'importing', progress }),
      });
      setStep({ kind: 'done', report });
    } catch (e) {
      setStep({ kind: 'failed', message: wordError(t, e).text });
    }
  };
  const chooseRoster = async (file: File | undefined) => {
    setRoster(file);
    setPreview(undefined);
    if (!file) return;
    try {
      setPreview(await call('venue.previewRoster', { roster: await rosterFile(file) }));
    } catch (e) {
      setPreview({ error: e as Error });
    }
  };
  const exportAs = async (kind: 'csv' | 'xlsx') => {
    setExportError(undefined);
    // Times in the files are the venue's local time: this window's zone.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    try {
      if (kind === 'csv') saveText(await call('venue.exportCsv', { language, timeZone }));
      else saveBase64(await call('venue.exportXlsx', { language, timeZone }));
    } catch (e) {
      setExportError(wordError(t, e).text);
    }
  };

  return (
    <>
      <h1>{t('venue.title')}</h1>
      <p className="lead">{t('venue.intro')}</p>
      <section className="card" aria-labelledby="venue-input">
        <h2 id="venue-input">{t('venue.inputTitle')}</h2>
        {packs.data && packs.data.packs.length > 1 && (
          <label>
            {t('venue.pack')}
            <select value={packId || packs.data.activePackId || ''} onChange={(e) => setPackId(e.target.value)}>
              {packs.data.packs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title} ({p.version})
                </option>
              ))}
            </select>
          </label>
        )}
        <FilePickers
          disabled={busy}
          onFiles={(list, fromFolder) => setPicked(recordFilesOf(list, fromFolder))}
          onRoster={(f) => void chooseRoster(f)}
        />
        {preview && 'error' in preview && <ErrorMessage error={preview.error} />}
        {preview && !('error' in preview) && <RosterPreview preview={preview} />}
        <p role="status">
          {t('venue.chosen', { count: picked.files.length })}
          {picked.skipped > 0 && ` ${t('venue.skipped', { count: picked.skipped })}`}
          {roster && ` ${t('venue.rosterChosen', { name: roster.name })}`}
        </p>
        <button type="button" disabled={busy || picked.files.length === 0} onClick={() => void start()}>
          {t('venue.start')}
        </button>
        <div aria-live="polite">
          {step.kind === 'importing' && (
            <>
              <p>{t('venue.checking', { done: step.progress.done, total: step.progress.total })}</p>
              <ProgressBar
                value={step.progress.total ? step.progress.done / step.progress.total : 0}
                label={t('venue.progressLabel')}
              />
            </>
          )}
        </div>
        {step.kind === 'failed' && (
          <p role="alert" className="error">
            {t('venue.failed', { message: step.message })}
          </p>
        )}
      </section>
      {step.kind === 'done' && (
        <>
          <Summary report={step.report} />
          <UnitSummary report={step.report} />
          <div className="row no-print">
            <button type="button" onClick={() => void exportAs('xlsx')}>
              {t('venue.exportXlsx')}
            </button>
            <button type="button" className="secondary" onClick={() => void exportAs('csv')}>
              {t('venue.exportCsv')}
            </button>
          </div>
          {exportError && (
            <p role="alert" className="error">
              {t('venue.exportFailed', { message: exportError })}
            </p>
          )}
          <RejectedList rejected={step.report.rejected} />
          <OtherNotes report={step.report} />
          <ParticipantsTable report={step.report} />
        </>
      )}
      {step.kind === 'done' && <CertificateCheck key={step.report.generatedAt} />}
    </>
  );
}
