import type { CallContext } from '../shared/core-messages';
import type { CoreLink } from './core-link';
import { likelyLanguage, type FirstScreenAnswers } from '../shared/first-screen/answers';

/** Past this the page is sent without answers and asks the core itself, as it would anyway. */
const WAIT_MS = 2_000;

const preferredLanguages = (header: string | null | undefined) =>
  (header ?? '').split(',').map((l) => l.split(';')[0]!);

/**
 * The answers to the first screen's start-up calls, asked as `context`'s client: the browser host
 * asks as a client that has never called (what a new tab gets: the last profile unless it has a
 * PIN), Electron as its one window. Null if the core has not answered in time.
 */
export async function firstScreenAnswers(
  link: CoreLink,
  acceptLanguage: string | null | undefined,
  context?: CallContext,
): Promise<FirstScreenAnswers | null> {
  const language = likelyLanguage(preferredLanguages(acceptLanguage));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), WAIT_MS)));
  const answers = Promise.all([
    link.call('settings.get', {}, context),
    link.call('profiles.list', {}, context),
    link.call('course.overview', { language }, context),
  ]).then(([settings, profiles, overview]) => ({ language, settings, profiles, overview }));
  try {
    return await Promise.race([answers, late]);
  } finally {
    clearTimeout(timer);
  }
}
