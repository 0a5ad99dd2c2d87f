import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '../../../shared/languages';

/**
 * Strings live in one file per feature and language (`locales/<feature>.<lang>.json`), so
 * features add their own files; the files are merged deeply into one translation, so two
 * features may each add keys under one group (for example `reasons`). The words the core writes
 * into exported files live in `src/shared/locales` and are loaded here too: one dictionary.
 */
const files = import.meta.glob<Record<string, unknown>>(['./locales/*.json', '../../../shared/locales/*.json'], {
  eager: true,
  import: 'default',
});

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeInto(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isTree(existing) && isTree(value)) mergeInto(existing, value);
    else target[key] = isTree(value) ? structuredClone(value) : value;
  }
}

export function buildResources(): Resource {
  const resources: Resource = {};
  for (const lang of languages) {
    const translation: Record<string, unknown> = {};
    for (const [path, content] of Object.entries(files)) {
      if (path.endsWith(`.${lang}.json`)) mergeInto(translation, content);
    }
    resources[lang] = { translation };
  }
  return resources;
}

/** Chinese by default on a Chinese system (the participants'), English otherwise. */
export function systemLanguage(): Language {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return langs.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
