import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCall } from '../../hooks/useCall';
import { VenueScreen } from '../venue/VenueScreen';
import { PacksAdmin } from './PacksAdmin';
import { ProfilesAdmin } from './ProfilesAdmin';
import '../venue/venue.css';

type Tab = 'report' | 'profiles' | 'packs';

function UnlockForm({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<Error>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('venueMode.unlock', { pin }).then(onUnlocked, setError);
  };
  return (
    <form onSubmit={submit} className="card">
      <label>
        {t('venueAdmin.pinPrompt')}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
      </label>
      {error && <ErrorMessage error={error} />}
      <button type="submit">{t('venueAdmin.unlock')}</button>
    </form>
  );
}

/**
 * The venue's own area, reached from the start screen (not from a participant's navigation) when
 * this computer is in venue mode: the report, the participants' profiles and the installed packs.
 * Leaving it locks it again.
 */
export function VenueArea({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation();
  const status = useCall('venueMode.get', {});
  const [tab, setTab] = useState<Tab>('report');
  const exit = () => void call('venueMode.lock', {}).finally(onExit);
  const tabs: [Tab, string][] = [
    ['report', t('nav.venue')],
    ['profiles', t('venueAdmin.profilesTab')],
    ['packs', t('venueAdmin.packsTab')],
  ];
  return (
    <>
      <header className="app-header venue-admin-bar">
        <span className="app-name">{t('venueAdmin.title')}</span>
        {status.data?.unlocked && (
          <nav aria-label={t('venueAdmin.title')}>
            <ul>
              {tabs.map(([id, label]) => (
                <li key={id}>
                  <button
                    type="button"
                    className={`link-button ${tab === id ? 'active' : ''}`}
                    aria-current={tab === id ? 'page' : undefined}
                    onClick={() => setTab(id)}
                  >
                    {label}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <span className="who">
          <button type="button" className="secondary small-button" onClick={exit}>
            {t('venueAdmin.exit')}
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1} className="page venue-page">
        {status.error && <ErrorMessage error={status.error} onRetry={status.reload} />}
        {status.data && !status.data.unlocked && <UnlockForm onUnlocked={status.reload} />}
        {status.data?.unlocked && tab === 'report' && <VenueScreen />}
        {status.data?.unlocked && tab === 'profiles' && <ProfilesAdmin />}
        {status.data?.unlocked && tab === 'packs' && <PacksAdmin />}
      </main>
    </>
  );
}
