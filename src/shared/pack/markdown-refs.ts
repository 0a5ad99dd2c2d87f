import { parseMaterial, type Token } from './markdown-parser';

/**
 * Links and images in material that name a file of the pack: `![板书](media/board.png)` shows the
 * session's picture, `[讲义](media/slides.pdf)` opens its PDF. A pack path is written from the
 * pack's root, as in manifest.json; an optional `./` is dropped and `#page=3` is kept for the
 * PDF viewer. Anchors (`#heading`), anything with a scheme (`https:`, `mailto:`, `javascript:`)
 * and protocol-relative `//host` URLs are not pack paths: the renderer shows them as inert text.
 */
export interface PackReference {
  /** The pack path, decoded (`media/讲义.pdf`). */
  path: string;
  /** What followed a `#`, without it (`page=3`), or ''. */
  fragment: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The pack path a link or image destination (as markdown-it normalised it) names, or null. */
export function packReferenceOf(url: string): PackReference | null {
  if (url === '' || url.startsWith('#') || url.startsWith('//') || SCHEME.test(url)) return null;
  const hash = url.indexOf('#');
  const path = decode(hash < 0 ? url : url.slice(0, hash)).replace(/^(\.\/)+/, '');
  const fragment = hash < 0 ? '' : decode(url.slice(hash + 1));
  return { path, fragment };
}

export interface MaterialReference extends PackReference {
  kind: 'image' | 'link';
  /** 1-based line of the paragraph (or heading, list item) it sits in. */
  line: number;
}

/** Every pack path the material's links and images name, in order. */
export function materialReferences(text: string): MaterialReference[] {
  const out: MaterialReference[] = [];
  const scan = (tokens: Token[], line: number) => {
    for (const t of tokens) {
      const at = t.map ? t.map[0] + 1 : line;
      if (t.type === 'image' || t.type === 'link_open') {
        const ref = packReferenceOf(t.attrGet(t.type === 'image' ? 'src' : 'href') ?? '');
        if (ref) out.push({ ...ref, kind: t.type === 'image' ? 'image' : 'link', line: at });
      }
      // Inline children (and an image's alt text) carry no line of their own: their block's.
      if (t.children) scan(t.children, at);
    }
  };
  scan(parseMaterial(text), 1);
  return out;
}
