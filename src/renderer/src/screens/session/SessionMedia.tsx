import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaProgress } from '../../../../shared/contract/watch';
import { useCall } from '../../hooks/useCall';
import { formatBytes } from '../../components/formatBytes';
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
        ) : (
          <figure key={m.path}>
            <figcaption>{m.title}</figcaption>
            {m.kind === 'image' && <img src={m.url} alt={m.title} className="session-image" />}
            {m.kind === 'pdf' && <p className="small">{t('media.pdf', { size: formatBytes(m.size) })}</p>}
          </figure>
        ),
      )}
    </section>
  );
}
