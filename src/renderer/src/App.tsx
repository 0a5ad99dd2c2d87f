import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import type { Settings } from '../../shared/contract/app';
import type { Profile } from '../../shared/contract/profiles';
import { call, SIGNED_OUT_EVENT } from './api/client';
import { switchLanguage, systemLanguage } from './i18n';
import { RouteError } from './components/ErrorBoundary';
import { Layout } from './Layout';
import { Home } from './screens/Home';
import { Library } from './screens/Library';
import { MyProgress } from './screens/progress/MyProgress';
import { ProfilesScreen } from './screens/Profiles';
import { PracticeScreen } from './screens/quiz/PracticeScreen';
import { QuizScreen } from './screens/quiz/QuizScreen';
import { ReviewScreen } from './screens/quiz/ReviewScreen';
import { Search } from './screens/Search';
import { SettingsScreen } from './screens/Settings';
import { Session } from './screens/session/Session';
import { SourceView } from './screens/SourceView';
import { VenueScreen } from './screens/venue/VenueScreen';
import { AppContext, type AppState } from './state';

function NotFound() {
  const { t } = useTranslation();
  return <p>{t('errors.notFoundPage')}</p>;
}

const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'session/:sessionId', element: <Session /> },
      { path: 'session/:sessionId/quiz', element: <QuizScreen /> },
      { path: 'session/:sessionId/quiz/review/:attemptId', element: <ReviewScreen /> },
      { path: 'session/:sessionId/practice', element: <PracticeScreen /> },
      { path: 'practice', element: <PracticeScreen /> },
      { path: 'source', element: <SourceView /> },
      { path: 'progress', element: <MyProgress /> },
      { path: 'venue', element: <VenueScreen /> },
      { path: 'search', element: <Search /> },
      { path: 'library', element: <Library /> },
      { path: 'settings', element: <SettingsScreen /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export const applyTextScale = (scale: number) => {
  document.documentElement.style.setProperty('--text-scale', String(scale));
};

export function App({
  initialSettings,
  initialProfile,
}: {
  initialSettings: Settings;
  initialProfile: Profile | null;
}) {
  const [settings, setSettings] = useState(initialSettings);
  const [profile, setProfile] = useState(initialProfile);
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
    await router.navigate('/');
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
  if (!state) return <ProfilesScreen onSelected={setProfile} />;
  return (
    <AppContext.Provider value={state}>
      <RouterProvider router={router} />
    </AppContext.Provider>
  );
}
