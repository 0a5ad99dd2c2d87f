import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRoutes, navigate, type RouteDef } from './router';
import type { Settings } from '../../shared/contract/app';
import type { Profile } from '../../shared/contract/profiles';
import { call, SIGNED_OUT_EVENT } from './api/client';
import { allFeatures, loadFeatures, switchLanguage, systemLanguage } from './i18n';
import { Layout } from './Layout';
import { Home } from './screens/Home';
import { AppContext, type AppState } from './state';
import { applyTextScale } from './text-scale';

/*
 * Home is in the first chunks; every other screen (profiles too, when no one is signed in) is its own chunk,
 * loaded when first visited, so quiz, venue, library, progress and Markdown cost nothing at start-up.
 */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadFeatures(allFeatures)]);
    return { default: module[name] };
  });
}
const Session = screen(() => import('./screens/session/Session'), 'Session');
const QuizScreen = screen(() => import('./screens/quiz/QuizScreen'), 'QuizScreen');
const ReviewScreen = screen(() => import('./screens/quiz/ReviewScreen'), 'ReviewScreen');
const PracticeScreen = screen(() => import('./screens/quiz/PracticeScreen'), 'PracticeScreen');
const SourceView = screen(() => import('./screens/SourceView'), 'SourceView');
const MyProgress = screen(() => import('./screens/progress/MyProgress'), 'MyProgress');
const CertificatePage = screen(() => import('./screens/certificate/CertificatePage'), 'CertificatePage');
const Search = screen(() => import('./screens/Search'), 'Search');
const Library = screen(() => import('./screens/Library'), 'Library');
const SettingsScreen = screen(() => import('./screens/Settings'), 'SettingsScreen');

/** Shown when no participant is signed in; boot loads it before the first render when that is so. */
const ProfilesScreen = lazy(async () => ({ default: (await import('./screens/Profiles')).ProfilesScreen }));

/** The venue's own area (report, profiles, packs), entered from the start screen: a chunk of its own. */
const VenueArea = lazy(async () => {
  const [module] = await Promise.all([import('./screens/admin/VenueArea'), loadFeatures(allFeatures)]);
  return { default: module.VenueArea };
});

function NotFound() {
  const { t } = useTranslation();
  return <p>{t('errors.notFoundPage')}</p>;
}

const routes: RouteDef[] = [
  { path: '/', element: <Home /> },
  { path: 'session/:sessionId', element: <Session /> },
  { path: 'session/:sessionId/quiz', element: <QuizScreen /> },
  { path: 'session/:sessionId/quiz/review/:attemptId', element: <ReviewScreen /> },
  { path: 'session/:sessionId/practice', element: <PracticeScreen /> },
  { path: 'practice', element: <PracticeScreen /> },
  { path: 'source', element: <SourceView /> },
  { path: 'progress', element: <MyProgress /> },
  { path: 'certificate', element: <CertificatePage /> },
  { path: 'search', element: <Search /> },
  { path: 'library', element: <Library /> },
  { path: 'settings', element: <SettingsScreen /> },
  { path: '*', element: <NotFound /> },
];

export function App({
  initialSettings,
  initialProfile,
}: {
  initialSettings: Settings;
  initialProfile: Profile | null;
}) {
  const [settings, setSettings] = useState(initialSettings);
  const [profile, setProfile] = useState(initialProfile);
  // The venue's area is its own top level, entered from the start screen, never a participant's page.
  const [venue, setVenue] = useState(false);
  useEffect(() => {
    applyTextScale(settings.textScale);
  }, [settings.textScale]);
  // Optimistic, so quick repeated clicks (A+ A+) build on each other instead of on a stale value.
  const updateSettings = useCallback(async (patch: Partial<Settings>) => {
    setSettings((prev) => ({ ...prev, ...patch }));
    const next = await call('settings.set', patch);
    setSettings(next);
    await switchLanguage(next.language ?? systemLanguage());
  }, []);
  const signOut = useCallback(async () => {
    await call('profiles.signOut', {});
    // The next participant starts at home, not on the previous one's screen.
    navigate('/');
    setProfile(null);
  }, []);
  useEffect(() => {
    const signedOut = () => setProfile(null);
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);
  const state = useMemo<AppState | null>(
    () => (profile ? { settings, updateSettings, profile, signOut } : null),
    [settings, updateSettings, profile, signOut],
  );
  if (venue) {
    return (
      <Suspense fallback={null}>
        <VenueArea onExit={() => setVenue(false)} />
      </Suspense>
    );
  }
  if (!state) {
    return (
      <Suspense fallback={null}>
        <ProfilesScreen onSelected={setProfile} onVenue={() => setVenue(true)} />
      </Suspense>
    );
  }
  return (
    <AppContext.Provider value={state}>
      <HashRoutes layout={<Layout />} routes={routes} />
    </AppContext.Provider>
  );
}
