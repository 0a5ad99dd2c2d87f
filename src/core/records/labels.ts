import type { Language } from '../../shared/contract/app';
import type { SessionStatus } from '../../shared/contract/study';
import en from '../../shared/locales/files.en.json';
import zh from '../../shared/locales/files.zh-CN.json';

/**
 * Words of the exported record files (CSV headers, status words). They come from the shared
 * locale files the renderer also loads, so there is one dictionary; the UI passes its language.
 */
export interface Labels {
  yes: string;
  no: string;
  status: Record<SessionStatus, string>;
  record: string[];
}

export const fileWords = (language: Language) => (language === 'en' ? en : zh).files;

export const labels = (language: Language): Labels => {
  const f = fileWords(language);
  return { yes: f.yes, no: f.no, status: f.status, record: f.recordColumns };
};
