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
