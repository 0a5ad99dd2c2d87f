import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api/client';
import { App, applyTextScale } from './App';
import { prefetch, takePrefetched } from './api/prefetch';
import { initI18n, loadFeatures, prefetchStrings, systemLanguage } from './i18n';
import { wordError } from './i18n/errorText';
import './styles.css';

async function startupMessage(e: unknown): Promise<string> {
  try {
    const i18n = await initI18n(systemLanguage());
    await loadFeatures(['reasons']);
    return wordError(i18n.t, e).text;
  } catch {
    return e instanceof Error ? e.message : String(e);
  }
}

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  try {
    // All at once: settings, profiles, the strings of the likely language, and home's data.
    prefetchStrings(systemLanguage());
    const atHome = ['', '#', '#/'].includes(window.location.hash);
    if (atHome) prefetch('course.overview', {});
    const [settings, profiles] = await Promise.all([call('settings.get', {}), call('profiles.list', {})]);
    applyTextScale(settings.textScale);
    await initI18n(settings.language ?? systemLanguage());
    const active = profiles.profiles.find((p) => p.id === profiles.activeId) ?? null;
    if (atHome && !active) takePrefetched('course.overview', {}); // no profile yet: the answer is not home's
    root.render(
      <StrictMode>
        <App initialSettings={settings} initialProfile={active} />
      </StrictMode>,
    );
  } catch (e) {
    // Start-up failures (e.g. an unreadable data folder) must show a message, not a blank window,
    // worded in the participant's language when the strings can still be loaded.
    root.render(
      <main className="page narrow" role="alert">
        <h1>学习伴侣无法启动 · The study companion cannot start</h1>
        <p>{await startupMessage(e)}</p>
      </main>,
    );
  }
}

void boot();
