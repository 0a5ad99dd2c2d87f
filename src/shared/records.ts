/**
 * Record and venue constants both sides use. Kept free of zod (like shared/languages.ts) so the
 * renderer can import them without pulling the schema library into its bundle.
 */

/** Scores are stored as fractions; screens and every export show this same whole percent. */
export const scorePercent = (fraction: number): number => Math.round(fraction * 100);

/** A record file far above any real one (a few KB) is refused by name, never sent whole. */
export const MAX_RECORD_CHARS = 1_000_000;

/** Files per venue.addBatch: small enough that one call never holds the core for long. */
export const MAX_BATCH_FILES = 500;

/** A title by language tag: a pack's own language and its translations. */
export type Titles = Record<string, string>;

/**
 * The title for a reader of `language`: that exact tag, else one of the same language (zh for
 * zh-CN), else `fallback` (the pack's own words). Screens and every file use this one choice.
 */
export function titleIn(titles: Titles | undefined, language: string, fallback: string): string {
  if (!titles) return fallback;
  const exact = titles[language];
  if (exact) return exact;
  const base = language.split('-')[0]!.toLowerCase();
  const same = Object.keys(titles)
    .sort()
    .find((tag) => tag.split('-')[0]!.toLowerCase() === base);
  return same ? titles[same]! : fallback;
}

/** Whole minutes of a number of seconds, as the ledger, its exports and the venue report show them. */
export const wholeMinutes = (seconds: number): number => Math.round(seconds / 60);

/** Credit hours (学时) as written everywhere: to two decimals (the band rule's quarters stay exact). */
export const creditHours = (hours: number): number => Math.round(hours * 100) / 100;
