import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaProgress } from '../../../../shared/contract/watch';
import { useCall } from '../../hooks/useCall';
import { formatBytes } from '../../components/formatBytes';
import { MediaFigure, SaveCopy } from '../../components/MediaFigure';
import { MediaLink } from '../../components/MediaLink';
import { MediaPlayer } from './player/MediaPlayer';
import type { PlayerLinks } from './player/playerLinks';

/**
 * The session's recordings, audio, slides and pictures (format-2 packs), played from the app's
 * own media store with byte ranges, so seeking works in both hosts. Recordings play in the app's
 * player (captions, transcript, chapters, honest watch progress).
 */
export function SessionMedia({
  sessionId,
  links,
  onSaved,
}: {
  sessionId: string;
  /** Lets the key points list seek a player to a chapter. */
  links?: PlayerLinks;
  /** After each watch save the core accepted. */
  onSaved?: (progress: MediaProgress, sessionComplete: boolean) => void;
}) {
  const { t } = useTranslation();
  const { data } = useCall('media.list', { sessionId });
  const publish = links?.publish;
  useEffect(() => {
    if (data) publish?.(data.items);
  }, [data, publish]);
  if (!data?.items.length) return null;
  return (
    <section aria-labelledby="media-heading" className="card session-media">
      <h2 id="media-heading">{t('media.heading')}</h2>
      {data.items.map((m) =>
        m.kind === 'video' || m.kind === 'audio' ? (
          <MediaPlayer key={m.path} sessionId={sessionId} entry={m} links={links} onSaved={onSaved} />
        ) : m.kind === 'pdf' ? (
          // Slides open in the app's own viewer (a dialog), not in the page: a long PDF framed in
          // the session would push the material far down.
          <p key={m.path} className="session-pdf">
            <MediaLink media={m} fragment="">
              {t('media.openPdf', { title: m.title, size: formatBytes(m.size) })}
            </MediaLink>{' '}
            <SaveCopy media={m} />
          </p>
        ) : (
          <MediaFigure key={m.path} media={m} />
        ),
      )}
    </section>
  );
}
