import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCall } from '../../hooks/useCall';

/** Installed packs; an imported one can be removed, its participants' progress archived first. */
export function PacksAdmin() {
  const { t } = useTranslation();
  const list = useCall('library.list', {});
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ title: string; archived: number }>();
  const [error, setError] = useState<Error>();
  const remove = async (packId: string, title: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const { archived } = await call('admin.removePack', { packId, confirm: true });
      setResult({ title, archived });
      setConfirming(undefined);
      list.reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('venueAdmin.packsTitle')}</h1>
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {result && (
        <p role="status" className="success">
          {t('venueAdmin.removed', { title: result.title, count: result.archived })}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {list.data?.packs.map((p) => (
        <section key={p.id} className="card" aria-label={p.title}>
          <h2>
            {p.title} <span className="small muted">{p.version}</span>
          </h2>
          {p.publisher.builtin ? (
            <p className="small muted">{t('venueAdmin.builtinKept')}</p>
          ) : confirming === p.id ? (
            <div className="row">
              <p>{t('venueAdmin.removeWarning', { title: p.title })}</p>
              <button type="button" className="danger" disabled={busy} onClick={() => void remove(p.id, p.title)}>
                {t('venueAdmin.removeConfirm')}
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(undefined)}>
                {t('profiles.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(p.id)}>
              {t('venueAdmin.remove')}
            </button>
          )}
        </section>
      ))}
    </>
  );
}
