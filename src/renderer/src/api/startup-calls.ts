import { systemLanguage } from '../i18n/system-language';
import { takeHostAnswers } from './host-answers';
import { prefetch } from './prefetch';

/** The address is home's (the first screen of a participant). */
export const isHome = () => ['', '#', '#/'].includes(window.location.hash);

/**
 * The calls the first screen needs, all at once: settings, profiles and, at home, home's data in
 * the language home will most likely ask for (the system's; boot asks again if settings differ).
 */
export function sendStartupCalls(): void {
  // What the host sent with the page needs no call (prefetch skips what it already has).
  takeHostAnswers();
  prefetch('settings.get', {});
  prefetch('profiles.list', {});
  if (isHome()) prefetch('course.overview', { language: systemLanguage() });
}
