/**
 * The one rule for matching fill-in answers, used by grading and by the pack builder's sanity
 * checks (an accepted answer that normalises to nothing could never be matched).
 *
 * NFKC first, so full-width letters, digits, spaces and CJK punctuation like （）！？ become their
 * ASCII forms; then case, surrounding spaces and punctuation (ASCII and CJK, e.g. 。，、“”「」《》)
 * are ignored and inner runs of whitespace count as one space. Punctuation inside an answer is
 * kept: "self-revolution" and "self revolution" are different answers.
 */
const EDGES = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

export function normalizeAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').replace(EDGES, '');
}

/** True when a typed answer matches any of the accepted ones under {@link normalizeAnswer}. */
export function matchesAccepted(typed: string, accepted: readonly string[]): boolean {
  const t = normalizeAnswer(typed);
  return t !== '' && accepted.some((a) => normalizeAnswer(a) === t);
}
