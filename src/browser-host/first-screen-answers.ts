import { randomUUID } from 'node:crypto';
import type { CoreLink } from '../host-common/core-link';
import { likelyLanguage, type FirstScreenAnswers } from '../shared/first-screen/answers';

/** Past this the page is sent without answers and asks the core itself, as it would anyway. */
const WAIT_MS = 2_000;

const preferredLanguages = (header: string | undefined) => (header ?? '').split(',').map((l) => l.split(';')[0]!);

/**
 * What a new tab's first calls would get: asked as a client that has never called (the core then
 * reopens the last profile unless it has a PIN, as it does for a new tab), so the answers hold
 * nothing that a page from this host could not ask for itself.
 */
export async function firstScreenAnswers(
  link: CoreLink,
  acceptLanguage: string | undefined,
): Promise<FirstScreenAnswers | null> {
  const language = likelyLanguage(preferredLanguages(acceptLanguage));
  const context = { clientId: `anonymous:${randomUUID()}` };
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
