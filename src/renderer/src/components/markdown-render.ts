import { createElement, Fragment, type MouseEvent, type ReactNode } from 'react';
import { anchorOf } from '../../../shared/pack/markdown-blocks';
import { parseMaterial, type Token } from '../../../shared/pack/markdown-parser';
import { packReferenceOf, type PackReference } from '../../../shared/pack/markdown-refs';

/**
 * markdown-it's token stream to React elements. Pack material is untrusted input, so this is an
 * allow-list, not a sanitizer: each token type maps to one fixed element, and no attribute of
 * the material reaches the page except an ordered list's start number, a link to a heading of the
 * same material (`#name`; `#/library` would navigate the app itself, its router lives in the hash)
 * and the URL of a media file of the session, which comes from the session's media list, never
 * from the material. Raw HTML is not parsed at all (markdown-parser.ts), other links and remote
 * images become inert text, and nothing is ever set as HTML: no `dangerouslySetInnerHTML`, so the
 * HTML string markdown-it could render is never used.
 *
 * The tokens are walked with an explicit stack, not recursion, so nesting costs no call depth.
 */

/**
 * What the screen supplies: how it shows a file of the pack the material names (null when it is
 * not the session's media) and how it follows a link to a heading.
 */
export interface MediaRenderer {
  /** A click on `[x](#name)`: scroll there (the hash router must not see it). */
  jump(e: MouseEvent<HTMLAnchorElement>, name: string): void;
  /** `![title](media/board.png)` alone in its paragraph: a figure in place of the paragraph. */
  figure(ref: PackReference, alt: string, key: number): ReactNode | null;
  /** `![title](media/board.png)` inside a sentence. */
  inlineImage(ref: PackReference, alt: string, key: number): ReactNode | null;
  /** `[讲义](media/slides.pdf)`: opens the file in the app's own viewer. */
  link(ref: PackReference, label: ReactNode[], key: number): ReactNode | null;
}

export const noMedia: MediaRenderer = {
  jump: (e) => e.preventDefault(),
  figure: () => null,
  inlineImage: () => null,
  link: () => null,
};

const isInMaterial = (url: string) => /^#[^/?#]+$/.test(url);

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The plain text of inline tokens (a heading's anchor, an image's alt text). */
function textOf(tokens: Token[] | null): string {
  let s = '';
  for (const t of tokens ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') s += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') s += ' ';
    else if (t.type === 'image') s += textOf(t.children);
  }
  return s;
}

interface Frame {
  open: Token | null;
  children: ReactNode[];
}

function imageOf(t: Token, key: number, media: MediaRenderer): ReactNode {
  const alt = textOf(t.children);
  const ref = packReferenceOf(t.attrGet('src') ?? '');
  const shown = ref && media.inlineImage(ref, alt, key);
  return shown ?? createElement('span', { key, className: 'md-image-removed' }, `[${alt || 'image'}]`);
}

/** A leaf token (nesting 0) as a node. */
function leaf(t: Token, key: number, media: MediaRenderer): ReactNode {
  switch (t.type) {
    case 'text':
      return t.content;
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return createElement('br', { key });
    case 'code_inline':
      return createElement('code', { key }, t.content);
    case 'code_block':
    case 'fence':
      return createElement('pre', { key }, createElement('code', null, t.content));
    case 'hr':
      return createElement('hr', { key });
    case 'image':
      return imageOf(t, key, media);
    case 'inline':
      return createElement(Fragment, { key }, build(t.children ?? [], media));
    default:
      // Anything this list does not know (raw HTML, were it ever parsed) is shown as its text.
      return t.content;
  }
}

const TAGS: Readonly<Record<string, string>> = {
  blockquote_open: 'blockquote',
  bullet_list_open: 'ul',
  ordered_list_open: 'ol',
  list_item_open: 'li',
  em_open: 'em',
  strong_open: 'strong',
};

/** A closed container (an `_open` token and what was built inside it) as a node. */
function container(open: Token, children: ReactNode[], key: number, media: MediaRenderer): ReactNode {
  switch (open.type) {
    case 'paragraph_open':
      // A tight list's paragraphs are hidden: their text sits in the <li> itself.
      return open.hidden ? createElement(Fragment, { key }, children) : createElement('p', { key }, children);
    case 'heading_open': {
      // The screen owns the page's single <h1>; material headings sit one level below it.
      const level = Math.min(Number(open.tag.slice(1)) + 1, 6);
      return createElement(`h${level}`, { key, 'data-anchor': anchorOf(open.meta as string) }, children);
    }
    case 'ordered_list_open': {
      const start = Number(open.attrGet('start') ?? 1);
      return createElement(
        'ol',
        { key, start: Number.isSafeInteger(start) && start !== 1 ? start : undefined },
        children,
      );
    }
    case 'link_open': {
      const href = open.attrGet('href') ?? '';
      if (isInMaterial(href)) {
        const name = decode(href.slice(1));
        return createElement(
          'a',
          { key, href, onClick: (e: MouseEvent<HTMLAnchorElement>) => media.jump(e, name) },
          children,
        );
      }
      const ref = packReferenceOf(href);
      return (
        (ref && media.link(ref, children, key)) ??
        createElement('span', { key, className: 'md-link-removed' }, children)
      );
    }
    default: {
      const tag = TAGS[open.type];
      return tag ? createElement(tag, { key }, children) : createElement(Fragment, { key }, children);
    }
  }
}

/** A paragraph that holds one image and nothing else: the image of a media file becomes a figure. */
function lonePicture(tokens: Token[], i: number, media: MediaRenderer, key: number): ReactNode | null {
  const inline = tokens[i + 1];
  if (tokens[i]!.type !== 'paragraph_open' || tokens[i]!.hidden || inline?.type !== 'inline') return null;
  const parts = (inline.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === ''));
  const image = parts.length === 1 && parts[0]!.type === 'image' ? parts[0]! : null;
  const ref = image && packReferenceOf(image.attrGet('src') ?? '');
  return ref ? media.figure(ref, textOf(image.children), key) : null;
}

export function build(tokens: Token[], media: MediaRenderer): ReactNode[] {
  const root: Frame = { open: null, children: [] };
  const stack: Frame[] = [root];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const top = stack[stack.length - 1]!;
    if (t.nesting === 1) {
      const figure = lonePicture(tokens, i, media, top.children.length);
      if (figure) {
        top.children.push(figure);
        i += 2; // the inline token and paragraph_close
        continue;
      }
      // A heading's anchor is the text of its inline content, which comes next.
      if (t.type === 'heading_open') t.meta = textOf(tokens[i + 1]?.children ?? null);
      stack.push({ open: t, children: [] });
    } else if (t.nesting === -1) {
      if (stack.length === 1) continue; // a close without its open: nothing to close
      const frame = stack.pop()!;
      const parent = stack[stack.length - 1]!;
      parent.children.push(container(frame.open!, frame.children, parent.children.length, media));
    } else {
      top.children.push(leaf(t, top.children.length, media));
    }
  }
  // Unclosed containers (markdown-it closes all it opens; this only guards the walk).
  while (stack.length > 1) {
    const frame = stack.pop()!;
    const parent = stack[stack.length - 1]!;
    parent.children.push(container(frame.open!, frame.children, parent.children.length, media));
  }
  return root.children;
}

/** One block of material as React nodes. */
export const renderMarkdown = (text: string, media: MediaRenderer = noMedia): ReactNode[] =>
  build(parseMaterial(text), media);
