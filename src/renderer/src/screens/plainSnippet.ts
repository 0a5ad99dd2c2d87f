/**
 * A search snippet of material as a reader sees it: the Markdown marks (headings, list bullets,
 * quote marks, emphasis, code ticks, link targets) dropped, line breaks as spaces. Notes are
 * plain text and pass unchanged. Match markers (\u0001 … \u0002) are kept.
 */
export function plainSnippet(snippet: string, kind: string): string {
  if (kind !== 'material' && kind !== 'keypoint') return snippet;
  return snippet
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s*>\s?/, '')
        .replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, ''),
    )
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
