import { Children, isValidElement, useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { markdownProblems } from '../../../shared/pack/markdown-limits';
import { anchorOf, markdownBlocks } from '../../../shared/pack/markdown-blocks';

/**
 * Pack material is untrusted input. react-markdown never renders raw HTML (no rehype-raw), the
 * sanitizer strips anything left that could run or load, images never load (a remote image would
 * leak that the participant is studying), and links may only point at a heading of the same
 * material: `#/library` and the like would navigate the app itself (the router lives in the hash).
 */
const isInMaterial = (url: string) => /^#[^/?#]+$/.test(url);
const allowUrl = (url: string): string => (isInMaterial(url) ? url : '');

const textOf = (node: ReactNode): string =>
  Children.toArray(node)
    .map((c) =>
      typeof c === 'string' || typeof c === 'number'
        ? String(c)
        : isValidElement(c)
          ? textOf((c.props as { children?: ReactNode }).children)
          : '',
    )
    .join('');

/** Scrolls to the heading inside the same material instead of letting the hash router navigate. */
function jumpWithinMaterial(e: MouseEvent<HTMLAnchorElement>, name: string) {
  e.preventDefault();
  const root = e.currentTarget.closest('.markdown');
  const target = [...(root?.querySelectorAll<HTMLElement>('[data-anchor]') ?? [])].find(
    (h) => h.dataset.anchor === name,
  );
  target?.scrollIntoView({ block: 'start' });
}

const heading =
  (Tag: 'h2' | 'h3' | 'h4' | 'h5') =>
  ({ children }: { children?: ReactNode }) => <Tag data-anchor={anchorOf(textOf(children))}>{children}</Tag>;

// The screen owns the page's single <h1>; material headings sit one level below it.
const components: Components = {
  h1: heading('h2'),
  h2: heading('h3'),
  h3: heading('h4'),
  h4: heading('h5'),
  img: ({ alt }) => <span className="md-image-removed">[{alt || 'image'}]</span>,
  a: ({ href, children }) =>
    href && isInMaterial(href) ? (
      <a href={href} onClick={(e) => jumpWithinMaterial(e, decodeURIComponent(href.slice(1)))}>
        {children}
      </a>
    ) : (
      <span className="md-link-removed">{children}</span>
    ),
  script: () => null,
};

const Block = ({ text }: { text: string }) => (
  <ReactMarkdown rehypePlugins={[rehypeSanitize]} urlTransform={allowUrl} components={components} skipHtml>
    {text}
  </ReactMarkdown>
);

/**
 * Renders the first blocks at once and the rest one block per task, so a long material never
 * holds the page for long; text beyond the pack limits (installed before they existed) is shown
 * as plain text rather than parsed.
 */
function MarkdownBody({ text, className }: { text: string; className?: string | undefined }) {
  const [plain] = useState(() => markdownProblems(text, new TextEncoder().encode(text).length).length > 0);
  const [blocks] = useState(() => (plain ? [] : markdownBlocks(text)));
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= blocks.length) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, blocks.length]);
  return (
    <div className={className ?? 'markdown'} aria-busy={shown < blocks.length}>
      {plain ? <p className="md-plain">{text}</p> : blocks.slice(0, shown).map((b, i) => <Block key={i} text={b} />)}
    </div>
  );
}

/** Keyed by the text, so another session's material starts from its first block again. */
export const Markdown = ({ text, className }: { text: string; className?: string }) => (
  <MarkdownBody key={text} text={text} className={className} />
);
