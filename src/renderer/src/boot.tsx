import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api/client';
import { App } from './App';
import { applyTextScale } from './text-scale';
import { isHome } from './api/startup-calls';
import { prefetch, prefetchArrived, takePrefetched } from './api/prefetch';
import { initI18n, loadFeatures, prefetchStrings, systemLanguage } from './i18n';
import { wordError } from './i18n/errorText';

async function startupMessage(e: unknown): Promise<string> {
  try {
    const i18n = await initI18n(systemLanguage());
    await loadFeatures(['reasons']);
    return wordError(i18n.t, e).text;
  } catch {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The app's start, once React and the first screen are loaded. The start-up calls were sent before
 * (main.tsx), so their answers are usually here by now.
 */
export async function boot() {
  const container = document.getElementById('root')!;
  const root = createRoot(container);
  try {
    const likely = systemLanguage();
    prefetchStrings(likely);
    const atHome = isHome();
    const [settings, profiles] = await Promise.all([
      takePrefetched('settings.get', {}) ?? call('settings.get', {}),
      takePrefetched('profiles.list', {}) ?? call('profiles.list', {}),
    ]);
    applyTextScale(settings.textScale);
    const language = settings.language ?? likely;
    await initI18n(language);
    const active = profiles.profiles.find((p) => p.id === profiles.activeId) ?? null;
    // No one signed in: the first screen is the profile list, a chunk of its own (App.tsx).
    if (!active) await import('./screens/Profiles');
    if (atHome) {
      // What Home asks for (useContentLanguage): the content language chosen, else the UI's.
      const content = settings.contentLanguage ?? language;
      if (!active || content !== likely) takePrefetched('course.overview', { language: likely }); // not home's answer
      if (active && content !== likely) prefetch('course.overview', { language: content });
      // Home's data was asked for alongside settings: waiting for it here lets the first render show
      // the sessions, instead of rendering an empty home and then again.
      if (active) await prefetchArrived('course.overview', { language: content });
    }
    // The served home's language and text size (src/shared/first-screen/page.ts) are on <html> now.
    for (const name of ['lang', 'data-text-scale', 'data-large-text']) container.removeAttribute(name);
    root.render(
      <StrictMode>
        <App initialSettings={settings} initialProfile={active} />
      </StrictMode>,
    );
  } catch (e) {
    // Start-up failures (e.g. an unreadable data folder) must show a message, not a blank window,
    // worded in the participant's language when the strings can still be loaded.
    const message = await startupMessage(e);
    root.render(
      <main className="page narrow" role="alert">
        <h1>学习伴侣无法启动 · The study companion cannot start</h1>
        <p>{message}</p>
      </main>,
    );
  }
}
