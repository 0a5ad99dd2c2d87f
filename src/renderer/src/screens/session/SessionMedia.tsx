import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall';
import { formatBytes } from '../../components/formatBytes';

/**
 * The session's recordings, audio, slides and pictures (format-2 packs), played from the app's
 * own media store with byte ranges, so seeking works in both hosts. A plain player for now; the
 * full one (chapters, transcript, credit for time watched) comes with the player issue.
 */
export function SessionMedia({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { data } = useCall('media.list', { sessionId });
  if (!data?.items.length) return null;
  return (
    <section aria-labelledby="media-heading" className="card session-media">
      <h2 id="media-heading">{t('media.heading')}</h2>
      {data.items.map((m) => (
        <figure key={m.path}>
          <figcaption>{m.title}</figcaption>
          {m.kind === 'video' && (
            <video controls preload="metadata" src={m.url} data-testid="session-video" width={640}>
              {m.captions.map((c) => (
                <track key={c.url} kind="captions" src={c.url} srcLang={c.language} label={c.label ?? c.language} />
              ))}
            </video>
          )}
          {m.kind === 'audio' && <audio controls preload="metadata" src={m.url} data-testid="session-audio" />}
          {m.kind === 'image' && <img src={m.url} alt={m.title} className="session-image" />}
          {m.kind === 'pdf' && <p className="small">{t('media.pdf', { size: formatBytes(m.size) })}</p>}
        </figure>
      ))}
    </section>
  );
}
