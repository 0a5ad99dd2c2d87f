import type { Language } from '../../../shared/languages';

/** Chinese by default on a Chinese system (the participants'), English otherwise. */
export function systemLanguage(): Language {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return langs.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
