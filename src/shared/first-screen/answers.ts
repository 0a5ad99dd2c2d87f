import type { Reply } from '../errors';
import type { Language } from '../languages';

/**
 * The answers to the first screen's start-up calls that the browser host writes into index.html
 * (a JSON data block, never run as script), so a new tab can paint home without waiting for a
 * round trip to the core. The renderer takes them only for a tab without a session of its own
 * (src/renderer/src/api/host-answers.ts).
 */
export const FIRST_SCREEN_ELEMENT_ID = 'first-screen-answers';

export interface FirstScreenAnswers {
  /** The language the course overview was asked in: the likely one for this browser. */
  language: Language;
  settings: Reply<unknown>;
  profiles: Reply<unknown>;
  overview: Reply<unknown>;
}

/** Chinese when any preferred language is Chinese (the participants'), English otherwise. */
export const likelyLanguage = (preferred: readonly string[]): Language =>
  preferred.some((l) => l.trim().toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
