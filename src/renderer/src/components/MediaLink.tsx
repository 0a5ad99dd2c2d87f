import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { MediaFigure, type FigureMedia } from './MediaFigure';

/**
 * `[讲义](media/slides.pdf)` in material: a button in the sentence that opens the file in the app's
 * own viewer, a modal dialog (Escape or "Close" returns to the same place in the material). The
 * dialog is portalled to the body: a sentence (<p>) may not hold a <dialog> or a <figure>.
 */
export function MediaLink({
  media,
  fragment,
  children,
}: {
  media: FigureMedia;
  fragment: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="media-link"
        data-testid="media-link"
        data-path={media.path}
        onClick={() => setOpen(true)}
      >
        {children}
        {media.kind === 'pdf' && <span className="media-link-kind"> (PDF)</span>}
      </button>
      {open &&
        createPortal(
          <dialog
            ref={dialog}
            className="media-dialog"
            aria-label={media.title}
            data-testid="media-dialog"
            onClose={() => setOpen(false)}
          >
            <MediaFigure media={media} fragment={fragment} />
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('material.close')}
            </button>
          </dialog>,
          document.body,
        )}
    </>
  );
}
