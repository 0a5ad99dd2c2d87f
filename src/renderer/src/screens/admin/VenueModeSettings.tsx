import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCall } from '../../hooks/useCall';

/**
 * The settings card that sets a computer up for a venue: the start screen then offers the venue
 * entry (report and administration), behind an optional venue PIN. Turning it off or changing the
 * PIN needs the current PIN.
 */
export function VenueModeSettings() {
  const { t } = useTranslation();
  const status = useCall('venueMode.get', {});
  const [pin, setPin] = useState('');
  const [currentPin, setCurrentPin] = useState('');
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  if (!status.data) return status.error ? <ErrorMessage error={status.error} onRetry={status.reload} /> : null;
  const { enabled, hasPin } = status.data;
  const save = (next: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    setError(undefined);
    setSaved(false);
    call('venueMode.set', {
      enabled: next,
      ...(next && pin ? { pin } : {}),
      ...(hasPin ? { currentPin } : {}),
    }).then(() => {
      setPin('');
      setCurrentPin('');
      setSaved(true);
      status.reload();
    }, setError);
  };
  return (
    <section className="card" aria-labelledby="venue-mode-heading">
      <h2 id="venue-mode-heading">{t('venueAdmin.modeTitle')}</h2>
      <p>{t(enabled ? 'venueAdmin.modeOn' : 'venueAdmin.modeOff')}</p>
      <p className="small">{t('venueAdmin.modeHelp')}</p>
      <form onSubmit={save(true)}>
        {hasPin && (
          <label>
            {t('venueAdmin.currentPin')}
            <input
              type="password"
              inputMode="numeric"
              pattern="\d{4,8}"
              autoComplete="off"
              value={currentPin}
              onChange={(e) => setCurrentPin(e.target.value)}
            />
          </label>
        )}
        <label>
          {t(hasPin ? 'venueAdmin.changePin' : 'venueAdmin.setPin')}
          <input
            type="password"
            inputMode="numeric"
            pattern="\d{4,8}"
            autoComplete="new-password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        {error && <ErrorMessage error={error} />}
        <div className="row">
          <button type="submit">{t(enabled ? 'venueAdmin.save' : 'venueAdmin.turnOn')}</button>
          {enabled && (
            <button type="button" className="secondary" onClick={() => save(false)()}>
              {t('venueAdmin.turnOff')}
            </button>
          )}
        </div>
        <div role="status">{saved && <p className="success">{t('venueAdmin.saved')}</p>}</div>
      </form>
    </section>
  );
}
