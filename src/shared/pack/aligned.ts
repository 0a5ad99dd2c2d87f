import type { AlignedTranslation } from './schema';

/**
 * Helpers shared by the verifier, the grounding check and the reader, so they all cut text the
 * same way: material into blocks (what the side-by-side view pairs), an aligned translation into
 * one text (what translated quotes must be passages of).
 */

/** Blocks of Markdown material: runs of lines between blank lines (headings and paragraphs). */
export function materialBlocks(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Scripts written without spaces between words or sentences (Chinese, Japanese). */
const closedUp = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]$/;

/** The translated source as one text: sentences of a paragraph joined, paragraphs blank-line apart. */
export function alignedTranslationText(aligned: AlignedTranslation): string {
  const paragraphs: string[] = [];
  let current = '';
  let paragraph: number | null = null;
  for (const s of aligned.sentences) {
    if (paragraph !== null && s.paragraph !== paragraph) {
      paragraphs.push(current);
      current = '';
    }
    paragraph = s.paragraph;
    current += current && !closedUp.test(current) ? ` ${s.translation}` : s.translation;
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n\n');
}
