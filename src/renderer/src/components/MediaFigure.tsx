import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../shared/contract/library';
import './media-figure.css';

/** What a figure needs of a `media.list` entry. */
export type FigureMedia = Pick<MediaEntry, 'kind' | 'path' | 'title' | 'url'>;

/** The file name a saved copy gets: the last part of the pack path (`media/slides.pdf` -> `slides.pdf`). */
const fileNameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * A save link for a file of the media store. `download` keeps the browser host on the page (the
 * file is saved, not opened); in Electron it starts a download of the app's own URL, for which
 * Electron asks where to save with its native dialog. The URL is the store's, never the material's.
 */
export function SaveCopy({ media }: { media: FigureMedia }) {
  const { t } = useTranslation();
  return (
    <a className="media-save" href={media.url} download={fileNameOf(media.path)} data-testid="media-save">
      {t('material.saveCopy')}
    </a>
  );
}

/**
 * A picture or a PDF of the session, shown in the page: the picture inline, the PDF in the app's
 * own viewer (Chromium's, in an <iframe> of the media store's URL; the CSP lets the app frame its
 * own origin only, src/shared/csp.ts). `fragment` is passed on to the viewer (`page=3`). Shared by
 * the material (a `![title](media/x.png)` of its own) and the session's media list.
 */
export function MediaFigure({
  media,
  caption,
  fragment = '',
}: {
  media: FigureMedia;
  /** Defaults to the title the pack gives the file. */
  caption?: string | undefined;
  fragment?: string;
}) {
  const { t } = useTranslation();
  const title = caption || media.title;
  if (media.kind === 'image') {
    return (
      <figure className="media-figure" data-testid="media-figure" data-path={media.path}>
        <img src={media.url} alt={title} />
        <figcaption>{title}</figcaption>
      </figure>
    );
  }
  if (media.kind === 'pdf') {
    return (
      <figure className="media-figure media-pdf" data-testid="media-figure" data-path={media.path}>
        <iframe
          className="pdf-viewer"
          src={fragment ? `${media.url}#${encodeURI(fragment)}` : media.url}
          title={t('material.pdfViewer', { title })}
          data-testid="pdf-viewer"
        />
        <figcaption>
          {title} <SaveCopy media={media} />
        </figcaption>
      </figure>
    );
  }
  // Recordings have their own player (the session's media list); a figure of one names it.
  return (
    <figure className="media-figure" data-testid="media-figure" data-path={media.path}>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
