import type { Language } from '../../../shared/languages';
import { likelyLanguage } from '../../../shared/first-screen/answers';

/** Chinese by default on a Chinese system (the participants'), English otherwise. */
export function systemLanguage(): Language {
  return likelyLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}
