import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAutosave } from '../../hooks/useAutosave';
import { useFindInPage } from '../../hooks/useFindInPage';
import { wordError } from '../../i18n/errorText';

export function Notes({ sessionId, initial, find }: { sessionId: string; initial: string; find: string | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  useFindInPage(areaRef, find, true);
  const state = useAutosave(text, initial, (v) => call('note.save', { sessionId, text: v }));
  return (
    <section aria-labelledby="notes-heading" className="card">
      <h2 id="notes-heading">{t('session.notes')}</h2>
      <p id="notes-help">{t('session.notesHelp')}</p>
      <textarea
        ref={areaRef}
        aria-labelledby="notes-heading"
        aria-describedby="notes-help"
        rows={8}
        maxLength={100_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="save-state" role="status" aria-live="polite">
        {state.kind === 'saving' && t('session.saving')}
        {state.kind === 'saved' && t('session.saved')}
        {state.kind === 'failed' && t('session.saveFailed', { message: wordError(t, state.error).text })}
      </p>
    </section>
  );
}
