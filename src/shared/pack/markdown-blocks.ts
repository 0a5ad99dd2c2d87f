/**
 * Splits Markdown into independent blocks at blank lines before a line that starts at column 0
 * (never inside a code fence, never before an indented continuation), so a long material can be
 * rendered a block at a time. A long list may be cut before one of its top-level items: it then
 * shows as two lists (an ordered one keeps its numbers, Markdown takes the first number as the
 * start), which is the price of never parsing one huge list in a single step.
 */
export function markdownBlocks(text: string, targetChars = 2000): string[] {
  const lines = text.split('\n');
  const blocks: string[] = [];
  let current: string[] = [];
  let size = 0;
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
    }
    current.push(line);
    size += line.length + 1;
    const next = lines[i + 1];
    const boundary = fence === null && line.trim() === '' && next !== undefined && /^\S/.test(next);
    if (boundary && size >= targetChars) {
      blocks.push(current.join('\n'));
      current = [];
      size = 0;
    }
  });
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}

/** A heading's anchor name: what an in-material link `[x](#name)` points at. */
export const anchorOf = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, '-');
