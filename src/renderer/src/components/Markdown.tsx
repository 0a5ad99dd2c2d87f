import { memo, useEffect, useMemo, useState, type MouseEvent } from 'react';
import type { MediaEntry } from '../../../shared/contract/library';
import { markdownBlocks } from '../../../shared/pack/markdown-blocks';
import { markdownProblems } from '../../../shared/pack/markdown-limits';
import { renderMarkdown, type MediaRenderer } from './markdown-render';
import { MediaFigure } from './MediaFigure';
import { MediaLink } from './MediaLink';

/**
 * Session material: untrusted Markdown, parsed by markdown-it and mapped to an allow-list of
 * elements (markdown-render.ts: no raw HTML, links only to headings of the same material, no
 * remote images). Pictures and PDFs of the session that the material names by pack path
 * (`![板书](media/board.png)`, `[讲义](media/slides.pdf)`) are shown from the app's media store;
 * `studypack build` and the verifier refuse a reference to anything else (core/packs/materialMedia.ts),
 * and here, for an older install, it stays inert text.
 */
/** Scrolls to the heading inside the same material instead of letting the hash router navigate. */
function jumpWithinMaterial(e: MouseEvent<HTMLAnchorElement>, name: string) {
  e.preventDefault();
  const root = e.currentTarget.closest('.markdown');
  const target = [...(root?.querySelectorAll<HTMLElement>('[data-anchor]') ?? [])].find(
    (h) => h.dataset.anchor === name,
  );
  target?.scrollIntoView({ block: 'start' });
}

function mediaRenderer(media: readonly MediaEntry[]): MediaRenderer {
  const byPath = new Map(media.map((m) => [m.path, m]));
  const shown = (path: string) => {
    const m = byPath.get(path);
    return m && (m.kind === 'image' || m.kind === 'pdf') ? m : null;
  };
  return {
    jump: jumpWithinMaterial,
    figure: (ref, alt, key) => {
      const m = shown(ref.path);
      return m && <MediaFigure key={key} media={m} caption={alt} fragment={ref.fragment} />;
    },
    inlineImage: (ref, alt, key) => {
      const m = byPath.get(ref.path);
      return m?.kind === 'image' ? (
        <img key={key} className="md-inline-image" src={m.url} alt={alt || m.title} />
      ) : null;
    },
    link: (ref, label, key) => {
      const m = shown(ref.path);
      return (
        m && (
          <MediaLink key={key} media={m} fragment={ref.fragment}>
            {label}
          </MediaLink>
        )
      );
    },
  };
}

/** Memoised: a block is parsed again only when its text or the session's media change. */
const Block = memo(function Block({ text, media }: { text: string; media: MediaRenderer }) {
  return <>{renderMarkdown(text, media)}</>;
});

const NO_MEDIA: readonly MediaEntry[] = [];

/**
 * Renders the first blocks at once and the rest one block per task, so a long material never
 * holds the page for long; text beyond the pack limits (installed before they existed) is shown
 * as plain text rather than parsed.
 */
function MarkdownBody({
  text,
  className,
  media,
}: {
  text: string;
  className?: string | undefined;
  media: readonly MediaEntry[];
}) {
  const [plain] = useState(() => markdownProblems(text, new TextEncoder().encode(text).length).length > 0);
  const [blocks] = useState(() => (plain ? [] : markdownBlocks(text)));
  const [shown, setShown] = useState(1);
  const renderer = useMemo(() => mediaRenderer(media), [media]);
  useEffect(() => {
    if (shown >= blocks.length) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, blocks.length]);
  return (
    <div className={className ?? 'markdown'} aria-busy={shown < blocks.length}>
      {plain ? (
        <p className="md-plain">{text}</p>
      ) : (
        blocks.slice(0, shown).map((b, i) => <Block key={i} text={b} media={renderer} />)
      )}
    </div>
  );
}

/**
 * Keyed by the text, so another session's material starts from its first block again. `media`
 * is the session's `media.list`: the files the material may show.
 */
export const Markdown = ({
  text,
  className,
  media = NO_MEDIA,
}: {
  text: string;
  className?: string;
  media?: readonly MediaEntry[];
}) => <MarkdownBody key={text} text={text} className={className} media={media} />;
