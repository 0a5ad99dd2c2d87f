import type { MouseEvent, ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { anchorId } from './anchors';

/**
 * Pack material is untrusted input. react-markdown never renders raw HTML (no rehype-raw), the
 * sanitizer strips anything left that could run or load, links are reduced to in-page anchors,
 * and images never load (a remote image would leak that the participant is studying).
 */
const allowUrl = (url: string): string => (url.startsWith('#') ? url : '');

const text = (node: ReactNode): string =>
  typeof node === 'string' || typeof node === 'number'
    ? String(node)
    : Array.isArray(node)
      ? node.map(text).join('')
      : '';

/**
 * The app's address is in the URL hash, so an in-page `#anchor` would replace the route (and show
 * "page not found"): scroll to the heading instead and leave the address alone.
 */
function jumpTo(e: MouseEvent<HTMLAnchorElement>, href: string) {
  e.preventDefault();
  const id = anchorId(decodeURIComponent(href.slice(1)));
  const target = e.currentTarget.closest('.markdown')?.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(id)}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

// The screen owns the page's single <h1>; material headings sit one level below it.
const heading =
  (Tag: 'h2' | 'h3' | 'h4' | 'h5') =>
  ({ children }: { children?: ReactNode }) => (
    <Tag data-anchor={anchorId(text(children))} tabIndex={-1}>
      {children}
    </Tag>
  );

const components: Components = {
  h1: heading('h2'),
  h2: heading('h3'),
  h3: heading('h4'),
  h4: heading('h5'),
  img: ({ alt }) => <span className="md-image-removed">[{alt || '🖼'}]</span>,
  a: ({ href, children }) =>
    href ? (
      <a href={href} onClick={(e) => jumpTo(e, href)}>
        {children}
      </a>
    ) : (
      <span className="md-link-removed">{children}</span>
    ),
  script: () => null,
};

export function Markdown({ text, className, lang }: { text: string; className?: string; lang?: string }) {
  return (
    <div className={className ?? 'markdown'} lang={lang}>
      <ReactMarkdown rehypePlugins={[rehypeSanitize]} urlTransform={allowUrl} components={components} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
}
