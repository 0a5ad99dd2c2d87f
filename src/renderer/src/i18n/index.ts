import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/languages';
import firstScreenZh from '../../../shared/locales/app.zh-CN.json';

export { systemLanguage } from './system-language';

/**
 * Strings live in one file per feature and language (`locales/<feature>.<lang>.json`), so
 * features add their own files; the files are merged deeply into one translation, so two
 * features may each add keys under one group (for example `reasons`). The words the core writes
 * into exported files live in `src/shared/locales` and are loaded here too: one dictionary.
 *
 * Only the first screen's features in the participant's language load at start-up; the rest
 * load with the first screen that needs them (see `loadFeatures`), so they cost nothing at start.
 * The Chinese strings of the first screen (the participants' language, the default) are part of
 * the entry chunk, so a Chinese start-up waits for no strings file; English ones load on demand.
 */
const BUNDLED = '../../../shared/locales/app.zh-CN.json';
const lazyFiles = import.meta.glob<Record<string, unknown>>(
  ['./locales/*.json', '../../../shared/locales/*.json', `!${BUNDLED}`],
  { import: 'default' },
);
const files: Record<string, () => Promise<Record<string, unknown>>> = {
  ...lazyFiles,
  [BUNDLED]: () => Promise.resolve(firstScreenZh),
};

/** What the profiles and home screens need; error wording (`reasons`) loads with the first error. */
const FIRST_SCREEN = ['app'];

const featureOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).split('.')[0]!;
const langOf = (path: string) => path.split('.').slice(-2, -1)[0]!;

export const allFeatures = [...new Set(Object.keys(files).map(featureOf))];

const loaded = new Set<string>();
const wanted = new Set<string>(FIRST_SCREEN);

async function load(language: Language, features: readonly string[]): Promise<void> {
  const paths = Object.keys(files).filter(
    (p) => langOf(p) === language && features.includes(featureOf(p)) && !loaded.has(p),
  );
  const contents = await Promise.all(paths.map((p) => files[p]!()));
  paths.forEach((p, i) => {
    // deep = true: features add keys under one group (for example `reasons`) without replacing it.
    i18next.addResourceBundle(language, 'translation', contents[i]!, true, true);
    loaded.add(p);
  });
}

/** Starts fetching the first screen's strings before the language is known for sure. */
export function prefetchStrings(language: Language): void {
  for (const p of Object.keys(lazyFiles)) {
    if (langOf(p) === language && FIRST_SCREEN.includes(featureOf(p))) void files[p]!();
  }
}

/** Loads features' strings in the current language (and remembers them for a language switch). */
export async function loadFeatures(features: readonly string[]): Promise<void> {
  features.forEach((f) => wanted.add(f));
  await load(i18next.language as Language, features);
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: {},
    lng: language,
    // Every key exists in both languages (tests/unit/renderer/locales.test.ts): no fallback needed,
    // and none wanted, since an English fallback in the Chinese UI is what the tests forbid.
    fallbackLng: false,
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes
    // Strings added later (a feature's file) re-render what is on screen, e.g. an error shown
    // before the error wording arrived.
    react: { bindI18nStore: 'added' },
  });
  await load(language, [...wanted]);
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  await load(language, [...wanted]);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
