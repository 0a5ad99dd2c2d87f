import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from './router';
import { call } from './api/client';
import { ScreenBoundary } from './components/ErrorBoundary';
import { useCall } from './hooks/useCall';
import { loadFeatures } from './i18n';
import { useApp } from './state';

/** Notices are rare (a damaged pack, a restored backup): their words load only when there is one. */
function Notices() {
  const { t } = useTranslation();
  const info = useCall('app.info', {});
  const notices = info.data?.notices ?? [];
  const [worded, setWorded] = useState(false);
  const any = notices.length > 0;
  useEffect(() => {
    if (any) void loadFeatures(['notices']).then(() => setWorded(true));
  }, [any]);
  if (!any || !worded) return null;
  return (
    <div role="alert" className="notice">
      <h2>{t('notices.title')}</h2>
      {notices.map((n) => (
        <div key={n.code + n.at}>
          <p>{t(`notices.${n.code}`)}</p>
          <details>
            <summary>{t('notices.details')}</summary>
            <p className="small">{n.message}</p>
          </details>
        </div>
      ))}
      <button type="button" onClick={() => void call('app.dismissNotices', {}).then(info.reload)}>
        {t('notices.dismiss')}
      </button>
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { profile, signOut } = useApp();
  const links: Array<[string, string]> = [
    ['/', t('nav.home')],
    ['/progress', t('nav.progress')],
    ['/search', t('nav.search')],
    ['/source', t('nav.source')],
    ['/library', t('nav.library')],
    ['/settings', t('nav.settings')],
  ];
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <ul>
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === '/'}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {/* The unit is on the progress page; in the header it made the English header two rows. */}
          <span title={profile.unit}>{profile.name}</span>
          <span className="visually-hidden"> · {profile.unit}</span>{' '}
          <button type="button" className="secondary small-button" onClick={() => void signOut()}>
            {t('nav.switchProfile')}
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Notices />
        <ScreenBoundary>
          <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
            <Outlet />
          </Suspense>
        </ScreenBoundary>
      </main>
    </>
  );
}
