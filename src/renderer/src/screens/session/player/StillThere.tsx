import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Still there?" after a long stretch without input: a modal dialog (focus moves into it, the page
 * behind is inert). The recording is paused while it waits, so the wait counts for nothing.
 */
export function StillThere({ open, onAnswer }: { open: boolean; onAnswer: (play: boolean) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="still-there"
      aria-labelledby="still-there-title"
      aria-describedby="still-there-body"
      onCancel={(e) => {
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id="still-there-title">{t('player.stillThere.title')}</h2>
      <p id="still-there-body">{t('player.stillThere.body')}</p>
      <div className="actions">
        <button type="button" className="button" autoFocus onClick={() => onAnswer(true)}>
          {t('player.stillThere.continue')}
        </button>
        <button type="button" className="link-button" onClick={() => onAnswer(false)}>
          {t('player.stillThere.later')}
        </button>
      </div>
    </dialog>
  );
}
