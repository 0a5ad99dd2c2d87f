import type { TFunction } from 'i18next';

/** A content language's name in the UI language ("中文", "English"), for any tag a pack uses. */
export function languageName(tag: string, t: TFunction, uiLanguage: string): string {
  const key = `content.names.${tag}`;
  const named = t(key);
  if (named !== key) return named;
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
