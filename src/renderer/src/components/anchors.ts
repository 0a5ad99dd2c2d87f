/**
 * The anchor a heading answers to, GitHub's way (lower case, punctuation dropped, spaces to
 * hyphens), so `[see](#the-three-nos)` in material finds "The three nos". CJK letters are kept.
 */
export const anchorId = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
