import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/contract/profiles';
import { ApiCallError, call } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useValidityText } from '../components/validity';
import { useCall } from '../hooks/useCall';

/** A wrong PIN says how many tries are left, a throttled one how long to wait (in the UI language). */
function PinError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiCallError ? error.error.detail : undefined;
  const reason = detail?.reason;
  if (reason !== 'profiles.pin.locked' && reason !== 'profiles.pin.wrong') return <ErrorMessage error={error} />;
  return (
    <div role="alert" className="error">
      <p>{t(`reasons.${reason}`, detail ?? {})}</p>
    </div>
  );
}

function PinForm({
  profile,
  onDone,
  onCancel,
}: {
  profile: Profile;
  onDone: (p: Profile) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<Error>();
  const validity = useValidityText();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('profiles.select', { id: profile.id, pin }).then(onDone, setError);
  };
  return (
    <form onSubmit={submit} className="card">
      <label>
        {t('profiles.pinPrompt', { name: profile.name })}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          required
          pattern="\d{4,8}"
          {...validity(t('profiles.pinFormat'))}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
      </label>
      {error && <PinError error={error} />}
      <div className="row">
        <button type="submit">{t('profiles.unlock')}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('profiles.cancel')}
        </button>
      </div>
    </form>
  );
}

function CreateForm({ onDone }: { onDone: (p: Profile) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', unit: '', venue: '', pin: '' });
  const [error, setError] = useState<Error>();
  const validity = useValidityText();
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('profiles.create', {
      name: form.name,
      unit: form.unit,
      venue: form.venue,
      ...(form.pin ? { pin: form.pin } : {}),
    }).then(onDone, setError);
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby="new-profile">
      <h2 id="new-profile">{t('profiles.new')}</h2>
      <label>
        {t('profiles.name')}
        <input required maxLength={80} {...validity()} {...field('name')} />
      </label>
      <label>
        {t('profiles.unit')}
        <input required maxLength={80} {...validity()} {...field('unit')} />
      </label>
      <label>
        {t('profiles.venue')}
        <input maxLength={80} {...field('venue')} />
      </label>
      <label>
        {t('profiles.pin')}
        <input
          type="password"
          inputMode="numeric"
          pattern="\d{4,8}"
          autoComplete="new-password"
          {...validity(t('profiles.pinFormat'))}
          {...field('pin')}
        />
      </label>
      {error && <ErrorMessage error={error} />}
      <button type="submit">{t('profiles.create')}</button>
    </form>
  );
}

export function ProfilesScreen({ onSelected, onVenue }: { onSelected: (p: Profile) => void; onVenue?: () => void }) {
  const { t } = useTranslation();
  const list = useCall('profiles.list', {});
  const venueMode = useCall('venueMode.get', {});
  const [locked, setLocked] = useState<Profile>();
  const [error, setError] = useState<Error>();
  const choose = (p: Profile) => {
    if (p.hasPin) setLocked(p);
    else call('profiles.select', { id: p.id }).then(onSelected, setError);
  };
  return (
    <main id="main" className="page narrow">
      <h1>{t('profiles.title')}</h1>
      <p>{t('profiles.intro')}</p>
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {error && <ErrorMessage error={error} />}
      {locked ? (
        <PinForm profile={locked} onDone={onSelected} onCancel={() => setLocked(undefined)} />
      ) : (
        <ul className="profile-list">
          {list.data?.profiles.length === 0 && <li>{t('profiles.none')}</li>}
          {list.data?.profiles.map((p) => (
            <li key={p.id}>
              <button type="button" className="profile-button" onClick={() => choose(p)}>
                <strong>{p.name}</strong> <span>{p.unit}</span>
                {p.hasPin && <span className="badge">{t('profiles.protected')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <CreateForm onDone={onSelected} />
      {venueMode.data?.enabled && onVenue && (
        <p className="venue-entry">
          <button type="button" className="secondary" onClick={onVenue}>
            {t('profiles.venueEntry')}
          </button>
        </p>
      )}
    </main>
  );
}
