import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProgressBar } from '../components/ProgressBar';
import { useCall } from '../hooks/useCall';
import { host } from '../host';
import { formatBytes } from '../components/formatBytes';
import { ImportProgress } from './library/ImportProgress';

type Step =
  | { kind: 'idle' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'verifying'; uploadId: string }
  | { kind: 'ask-trust'; uploadId: string; publisher: string; fingerprint: string }
  | { kind: 'ask-downgrade'; uploadId: string; installed: string; offered: string; trust: boolean }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; error: unknown };

function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const finish = async (uploadId: string, trustPublisher: boolean, allowDowngrade: boolean) => {
    setStep({ kind: 'verifying', uploadId });
    try {
      const r = await call('library.import', { uploadId, trustPublisher, allowDowngrade });
      const parts = [
        r.previousVersion === r.pack.version
          ? t('library.reimported', { title: r.pack.title, version: r.pack.version })
          : r.previousVersion
            ? t('library.upgraded', { title: r.pack.title, from: r.previousVersion, to: r.pack.version })
            : t('library.imported', { title: r.pack.title, version: r.pack.version }),
      ];
      if (r.archivedItems) parts.push(t('library.archived', { count: r.archivedItems }));
      setStep({ kind: 'done', message: parts.join(' ') });
      onImported();
    } catch (e) {
      const d = e instanceof ApiCallError ? e.error.detail : undefined;
      if (e instanceof ApiCallError && d?.reason === 'library.publisher.unknown' && !trustPublisher) {
        setStep({
          kind: 'ask-trust',
          uploadId,
          publisher: String(d.publisher ?? ''),
          fingerprint: String(d.fingerprint),
        });
      } else if (e instanceof ApiCallError && d?.reason === 'library.pack.downgrade') {
        setStep({
          kind: 'ask-downgrade',
          uploadId,
          installed: String(d?.installed),
          offered: String(d?.offered),
          trust: trustPublisher,
        });
      } else {
        setStep(
          e instanceof ApiCallError && e.code === 'CANCELLED'
            ? { kind: 'done', message: t('media.cancelled') }
            : { kind: 'failed', error: e },
        );
      }
    }
  };

  // Declining frees the kept upload at once (it would otherwise stay on disk until a restart).
  const decline = (uploadId: string) => {
    setStep({ kind: 'idle' });
    void call('library.uploadDiscard', { uploadId }).catch(() => undefined);
  };

  const choose = async () => {
    try {
      const picked = await host.pickPack((fraction) => setStep({ kind: 'uploading', fraction }));
      if (picked) await finish(picked.uploadId, false, false);
      else setStep((s) => (s.kind === 'uploading' ? { kind: 'idle' } : s));
    } catch (e) {
      setStep({ kind: 'failed', error: e });
    }
  };

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('library.import')}</h2>
      <button
        type="button"
        className="file-button"
        onClick={() => void choose()}
        disabled={step.kind === 'uploading' || step.kind === 'verifying'}
      >
        {t('library.choose')}
      </button>
      <div role="status" aria-live="polite">
        {step.kind === 'uploading' && (
          <>
            <p>{t('library.uploading', { percent: Math.round(step.fraction * 100) })}</p>
            <ProgressBar value={step.fraction} label={t('library.import')} />
          </>
        )}
        {step.kind === 'verifying' && (
          <>
            <p>{t('library.verifying')}</p>
            <ImportProgress uploadId={step.uploadId} />
          </>
        )}
        {step.kind === 'done' && <p className="success">{step.message}</p>}
      </div>
      {step.kind === 'failed' && (
        <ErrorMessage error={step.error} prefix={t('library.failed')}>
          <p>{t('library.nothingChanged')}</p>
        </ErrorMessage>
      )}
      {step.kind === 'ask-trust' && (
        <div role="alertdialog" aria-labelledby="trust-title" className="confirm">
          <h3 id="trust-title">{t('library.untrustedTitle')}</h3>
          <p>{t('library.untrusted', { publisher: step.publisher })}</p>
          <p className="fingerprint">{step.fingerprint}</p>
          <button type="button" onClick={() => void finish(step.uploadId, true, false)}>
            {t('library.trust')}
          </button>
          <button type="button" className="secondary" onClick={() => decline(step.uploadId)}>
            {t('profiles.cancel')}
          </button>
        </div>
      )}
      {step.kind === 'ask-downgrade' && (
        <div role="alertdialog" aria-labelledby="down-title" className="confirm">
          <h3 id="down-title">{t('library.downgradeTitle')}</h3>
          <p>{t('library.downgrade', { installed: step.installed, offered: step.offered })}</p>
          <button type="button" onClick={() => void finish(step.uploadId, step.trust, true)}>
            {t('library.confirmDowngrade')}
          </button>
          <button type="button" className="secondary" onClick={() => decline(step.uploadId)}>
            {t('profiles.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}

export function Library() {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('library.list', {});
  const activate = (packId: string) => void call('library.activate', { packId }).then(reload);
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p className="lead">{t('library.intro')}</p>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      <section aria-labelledby="installed-heading">
        <h2 id="installed-heading">{t('library.installed')}</h2>
        <ul className="pack-list">
          {data?.packs.map((p) => (
            <li key={p.id} className="card">
              <h3>
                {p.title} {p.publisher.builtin && <span className="badge">{t('library.builtin')}</span>}
              </h3>
              <p>
                {t('library.version', { version: p.version })} · {t('library.publisher', { name: p.publisher.name })}
              </p>
              <p className="small fingerprint">{t('library.fingerprint', { fingerprint: p.publisher.fingerprint })}</p>
              {p.sizeBytes > 0 && (
                // Packs installed before the size was recorded show none rather than "0 B".
                <p className="small" data-testid="pack-size">
                  {t('media.packSize', { size: formatBytes(p.sizeBytes) })}
                  {p.mediaCount > 0 && <> · {t('media.mediaCount', { count: p.mediaCount })}</>}
                </p>
              )}
              {data.activePackId === p.id ? (
                <span className="badge badge-complete">{t('library.active')}</span>
              ) : (
                <button type="button" onClick={() => activate(p.id)}>
                  {t('library.activate')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <ImportPanel onImported={reload} />
    </>
  );
}
