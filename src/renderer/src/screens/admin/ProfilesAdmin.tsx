import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCall } from '../../hooks/useCall';
import { formatTime } from '../progress/SessionTable';

type AdminProfile = CallOutput<'admin.profiles'>['profiles'][number];
type Action = 'edit' | 'delete' | 'pin';

function ProfileForm({ p, action, onDone }: { p: AdminProfile; action: Action; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    name: p.name,
    unit: p.unit,
    venue: p.venue,
    confirm: '',
    venuePin: '',
    newPin: '',
  });
  const [error, setError] = useState<Error>();
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const job =
      action === 'edit'
        ? call('admin.editProfile', { id: p.id, name: form.name, unit: form.unit, venue: form.venue })
        : action === 'delete'
          ? call('admin.deleteProfile', { id: p.id, confirmName: form.confirm })
          : call('admin.resetPin', { id: p.id, venuePin: form.venuePin, newPin: form.newPin || null });
    job.then(onDone, setError);
  };
  return (
    <form onSubmit={submit} className="admin-form">
      {action === 'edit' && (
        <>
          <label>
            {t('profiles.name')}
            <input required maxLength={80} {...field('name')} />
          </label>
          <label>
            {t('profiles.unit')}
            <input required maxLength={80} {...field('unit')} />
          </label>
          <label>
            {t('profiles.venue')}
            <input maxLength={80} {...field('venue')} />
          </label>
        </>
      )}
      {action === 'delete' && (
        <>
          <p>{t('venueAdmin.deleteWarning', { name: p.name })}</p>
          <label>
            {t('venueAdmin.typeName', { name: p.name })}
            <input required maxLength={80} autoComplete="off" {...field('confirm')} />
          </label>
        </>
      )}
      {action === 'pin' && (
        <>
          <label>
            {t('venueAdmin.venuePin')}
            <input
              required
              type="password"
              inputMode="numeric"
              pattern="\d{4,8}"
              autoComplete="off"
              {...field('venuePin')}
            />
          </label>
          <label>
            {t('venueAdmin.newPin')}
            <input
              type="password"
              inputMode="numeric"
              pattern="\d{4,8}"
              autoComplete="new-password"
              {...field('newPin')}
            />
          </label>
        </>
      )}
      {error && <ErrorMessage error={error} />}
      <button type="submit" className={action === 'delete' ? 'danger' : undefined}>
        {t(`venueAdmin.do.${action}`)}
      </button>
    </form>
  );
}

/** Every profile on this computer, with its corrections; edit, delete (archived) or reset its PIN. */
export function ProfilesAdmin() {
  const { t, i18n } = useTranslation();
  const list = useCall('admin.profiles', {});
  const [open, setOpen] = useState<{ id: number; action: Action }>();
  const done = () => {
    setOpen(undefined);
    list.reload();
  };
  return (
    <>
      <h1>{t('venueAdmin.profilesTitle')}</h1>
      <p className="lead">{t('venueAdmin.profilesIntro')}</p>
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data?.profiles.length === 0 && <p>{t('profiles.none')}</p>}
      {list.data?.profiles.map((p) => (
        <section key={p.id} className="card" aria-label={p.name}>
          <h2>
            {p.name} <span className="small muted">{p.unit}</span>
          </h2>
          {p.history.length > 0 && (
            <details>
              <summary>{t('venueAdmin.history', { count: p.history.length })}</summary>
              <ul className="small">
                {p.history.map((h, i) => (
                  <li key={i}>
                    {t('venueAdmin.change', {
                      field: t(`venueAdmin.field.${h.field}`),
                      from: h.from || '—',
                      to: h.to || '—',
                      time: formatTime(h.at, i18n.language),
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="row">
            {(['edit', 'pin', 'delete'] as const).map((a) => (
              <button
                key={a}
                type="button"
                className="secondary"
                aria-expanded={open?.id === p.id && open.action === a}
                onClick={() => setOpen(open?.id === p.id && open.action === a ? undefined : { id: p.id, action: a })}
              >
                {t(`venueAdmin.open.${a}`)}
              </button>
            ))}
          </div>
          {open?.id === p.id && <ProfileForm p={p} action={open.action} onDone={done} />}
        </section>
      ))}
    </>
  );
}
