import { peekPrefetched } from '../api/prefetch';
import { isHome } from '../api/startup-calls';
import firstScreenZh from '../i18n/locales/app.zh-CN.json';
import { systemLanguage } from '../i18n/system-language';
import { applyTextScale } from '../text-scale';
import { reactHasRoot } from './handover';
import { homeNodes } from './home';
import type { Strings } from './words';

/**
 * The first paint: home's sessions drawn from the start-up calls' answers as soon as they arrive,
 * while React and the app's code are still loading and compiling (about two thirds of start-up
 * here, see docs/performance.md). React's first render replaces it with the same markup. Only the
 * common case is painted (home, a signed-in participant, content in the likely language); anything
 * else, or any failure, leaves #root to React as before.
 */
export async function paintFirstScreen(): Promise<void> {
  if (!isHome()) return;
  const likely = systemLanguage();
  const calls = [
    peekPrefetched('settings.get', {}),
    peekPrefetched('profiles.list', {}),
    peekPrefetched('course.overview', { language: likely }),
  ] as const;
  if (calls.some((c) => !c)) return;
  try {
    const [settings, profiles, overview] = await Promise.all(calls);
    const language = settings!.language ?? likely;
    if ((settings!.contentLanguage ?? language) !== likely) return;
    const profile = profiles!.profiles.find((p) => p.id === profiles!.activeId);
    if (!profile) return;
    // The Chinese strings are in this chunk; English ones are the file the app loads anyway.
    const strings: Strings =
      language === 'zh-CN' ? firstScreenZh : (await import('../i18n/locales/app.en.json')).default;
    const root = document.getElementById('root');
    if (!root || reactHasRoot() || !isHome()) return;
    applyTextScale(settings!.textScale);
    document.documentElement.lang = language;
    root.replaceChildren(...homeNodes(strings, profile, overview!));
  } catch {
    // Nothing painted: React renders the first screen (and words any error) as it always did.
  }
}
