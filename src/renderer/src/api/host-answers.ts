import { FIRST_SCREEN_ELEMENT_ID, type FirstScreenAnswers } from '../../../shared/first-screen/answers';
import type { Reply } from '../../../shared/errors';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { seedPrefetch } from './prefetch';
import { hasSessionToken } from './transport';

function seed<N extends CallName>(name: N, input: CallInput<N>, reply: Reply<unknown> | undefined): void {
  // An error is left for the page's own call, which words it and acts on it (NO_PROFILE).
  if (reply?.ok) seedPrefetch(name, input, reply.value as CallOutput<N>);
}

/**
 * Takes the start-up answers the host wrote into index.html (src/shared/first-screen/page.ts), so
 * the app starts without asking again. They are what a tab without a session gets, so a reloaded
 * tab (with its own session, perhaps a profile unlocked by PIN) ignores them and the home drawn
 * from them.
 */
export function takeHostAnswers(): void {
  const block = document.getElementById(FIRST_SCREEN_ELEMENT_ID);
  if (!block) return;
  block.remove();
  if (hasSessionToken()) {
    // Home as a new tab sees it may not be this tab's (another participant, unlocked by PIN here).
    document.getElementById('root')?.replaceChildren();
    return;
  }
  let answers: FirstScreenAnswers;
  try {
    answers = JSON.parse(block.textContent ?? '') as FirstScreenAnswers;
  } catch {
    return;
  }
  seed('settings.get', {}, answers.settings);
  seed('profiles.list', {}, answers.profiles);
  seed('course.overview', { language: answers.language }, answers.overview);
}
