import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

export type { Token };

/**
 * The one Markdown dialect of pack material, shared by the renderer (which maps the tokens to
 * React elements, components/markdown-render.ts) and by `studypack build` and the verifier (which
 * check the media the material refers to), so both see the same links and images.
 *
 * markdown-it rather than micromark: on dense nested lists within the material limits micromark
 * took 0.2-0.5 s per 4,000-character block on this machine, markdown-it parses the same block in
 * a few milliseconds (bench/markdown-render.ts). It is plain JavaScript with no platform
 * dependency, the one exception to "shared imports only zod": parsing in two places with two
 * configurations is how the check and the screen would drift apart.
 *
 * CommonMark only (no tables or strikethrough, as before), raw HTML off (`html: false`, and its
 * rules disabled too, so it is text whatever the options say), no linkify or typographer, and the
 * preset's 20 nested blocks at most (the limits allow 8; deeper text from an older install is
 * shown plain, never parsed).
 */
let parser: MarkdownIt | null = null;

function materialParser(): MarkdownIt {
  if (parser) return parser;
  const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
  md.disable(['html_block', 'html_inline']);
  // Every destination is judged by the renderer's allow-list (a heading of the material, or a
  // media file of the session; everything else is inert text) and by the media check, never by
  // markdown-it's deny-list, which would leave `[x](javascript:…)` as literal brackets.
  md.validateLink = () => true;
  parser = md;
  return md;
}

/** The token stream of one piece of material (or one block of it). */
export const parseMaterial = (text: string): Token[] => materialParser().parse(text, {});
