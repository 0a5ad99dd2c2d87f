import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

/**
 * Pack material is untrusted input. react-markdown never renders raw HTML (no rehype-raw), the
 * sanitizer strips anything left that could run or load, links are reduced to in-page anchors,
 * and images never load (a remote image would leak that the participant is studying).
 */
const allowUrl = (url: string): string => (url.startsWith('#') ? url : '');

// The screen owns the page's single <h1>; material headings sit one level below it.
const components: Components = {
  h1: ({ children }) => <h2>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  img: ({ alt }) => <span className="md-image-removed">[{alt || 'image'}]</span>,
  a: ({ href, children }) =>
    href ? <a href={href}>{children}</a> : <span className="md-link-removed">{children}</span>,
  script: () => null,
};

export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ?? 'markdown'}>
      <ReactMarkdown rehypePlugins={[rehypeSanitize]} urlTransform={allowUrl} components={components} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
}
