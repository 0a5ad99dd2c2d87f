import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router';
import type { SessionDetail } from '../../../../shared/contract/study';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { ChapterTarget } from './player/playerLinks';

type KeyPoint = SessionDetail['keyPoints'][number];

function KeyPointItem({
  sessionId,
  kp,
  onChange,
  onSaved,
  lang,
  chapter,
  onWatch,
}: {
  sessionId: string;
  kp: KeyPoint;
  onChange: (kp: KeyPoint) => void;
  onSaved: () => void;
  lang: string | undefined;
  chapter: ChapterTarget | undefined;
  onWatch: ((keyPointId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<Error>();
  // Optimistic: the box changes at once (a controlled checkbox would otherwise snap back while the
  // save is in flight) and reverts with an error if the save fails.
  const toggle = (reviewed: boolean) => {
    onChange({ ...kp, reviewedAt: reviewed ? new Date().toISOString() : null });
    return call('keypoint.mark', { sessionId, keyPointId: kp.id, reviewed }).then(
      ({ reviewedAt }) => {
        setError(undefined);
        onChange({ ...kp, reviewedAt });
        onSaved();
      },
      (e: Error) => {
        onChange(kp);
        setError(e);
      },
    );
  };
  const sourceId = `source-${kp.id}`;
  return (
    <li className={`key-point${kp.reviewedAt ? ' reviewed' : ''}`} data-testid={`kp-${kp.id}`}>
      <label className="check">
        <input type="checkbox" checked={kp.reviewedAt !== null} onChange={(e) => void toggle(e.target.checked)} />
        <span className="kp-body">
          <span className="kp-text" lang={lang}>
            {kp.text}
          </span>
          <span className="kp-state">
            {kp.reviewedAt ? `✓ ${t('session.reviewed')}` : t('session.tickWhenReviewed')}
          </span>
        </span>
      </label>
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={sourceId}
        onClick={() => setOpen(!open)}
      >
        {open ? t('session.hideSource') : t('session.showSource')}
      </button>
      {chapter && onWatch && (
        <button type="button" className="link-button watch-part" onClick={() => onWatch(kp.id)}>
          <span aria-hidden="true">▶ </span>
          {t('player.watchPart', { chapter: chapter.title })}
        </button>
      )}
      {open && (
        <blockquote id={sourceId} className="source-quote">
          <span className="visually-hidden">{t('session.sourceLabel')}</span>
          <span lang={lang}>{kp.source}</span>
          <Link to={`/source?quote=${encodeURIComponent(kp.source)}`}>{t('session.openInArticle')}</Link>
        </blockquote>
      )}
      {error && <ErrorMessage error={error} />}
    </li>
  );
}

interface Props {
  ref?: Ref<HTMLElement>;
  sessionId: string;
  keyPoints: KeyPoint[];
  /** The language the key points are in (tags their text). */
  language: string;
  /** One key point changed; applied by the owner with a functional update, so two quick clicks
   * whose saves finish out of order never undo each other. */
  onChange: (kp: KeyPoint) => void;
  onSaved: () => void;
  /** The recording's chapter that covers a key point, for its "watch this part" button. */
  chapterOf?: (keyPointId: string) => ChapterTarget | undefined;
  onWatch?: (keyPointId: string) => void;
}

export function KeyPoints({ ref, sessionId, keyPoints, language, onChange, onSaved, chapterOf, onWatch }: Props) {
  const { t } = useTranslation();
  const reviewed = keyPoints.filter((k) => k.reviewedAt).length;
  return (
    <section ref={ref} aria-labelledby="kp-heading" className="card">
      <h2 id="kp-heading">{t('session.keyPoints')}</h2>
      <p>{t('session.keyPointsProgress', { reviewed, total: keyPoints.length })}</p>
      <ul className="key-points" lang={language}>
        {keyPoints.map((kp) => (
          <KeyPointItem
            key={kp.id}
            sessionId={sessionId}
            kp={kp}
            onChange={onChange}
            onSaved={onSaved}
            lang={language}
            chapter={chapterOf?.(kp.id)}
            onWatch={onWatch}
          />
        ))}
      </ul>
    </section>
  );
}
