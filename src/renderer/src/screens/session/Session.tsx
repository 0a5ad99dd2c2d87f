import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from '../../router';
import type { MediaEntry } from '../../../../shared/contract/library';
import type { SessionDetail } from '../../../../shared/contract/study';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Markdown } from '../../components/Markdown';
import { ProgressBar } from '../../components/ProgressBar';
import { useCall } from '../../hooks/useCall';
import { useFindInPage } from '../../hooks/useFindInPage';
import { useContentLanguage } from '../../hooks/useContentLanguage';
import { useReadingTracker } from '../../hooks/useReadingTracker';
import { useApp } from '../../state';
import { ContentLanguageBar, otherLanguage } from '../content/ContentLanguageBar';
import { SideBySide } from '../content/SideBySide';
import { QuizLink } from '../quiz/QuizLink';
import { KeyPoints } from './KeyPoints';
import { Notes } from './Notes';
import { SessionMedia } from './SessionMedia';
import { usePlayerLinks } from './player/playerLinks';
import { WatchedLine } from './player/WatchedLine';

/** The session's material in the other language, beside the shown one. */
function MaterialSideBySide({ detail, other, media }: { detail: SessionDetail; other: string; media?: MediaEntry[] }) {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('session.get', { sessionId: detail.progress.id, language: other });
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data) return <p>{t('app.loading')}</p>;
  return (
    <SideBySide
      left={{ language: detail.language, text: detail.material }}
      right={{ language: data.language, text: data.material }}
      media={media}
    />
  );
}

function Loaded({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation();
  const { settings } = useApp();
  const other = settings.sideBySide ? otherLanguage(detail.languages, detail.language) : null;
  const sessionId = detail.progress.id;
  const [keyPoints, setKeyPoints] = useState(detail.keyPoints);
  const [reachedEnd, setReachedEnd] = useState(detail.reading.reachedEnd);
  const [initialReading] = useState(detail.reading);
  const materialRef = useRef<HTMLElement>(null);
  const keyPointsRef = useRef<HTMLElement>(null);
  const [params, setParams] = useSearchParams();
  const find = params.get('find');
  const findIn = params.get('in');
  // The pictures and PDFs the material may show by their pack path.
  const media = useCall('media.list', { sessionId }).data?.items;
  // The status line is the core's own computation (the same as home's), fetched again after each
  // change here rather than re-derived in the screen.
  const [p, setProgress] = useState(detail.progress);
  const refreshProgress = useCallback(
    () =>
      void call('session.get', { sessionId, language: detail.language }).then(
        (d) => setProgress(d.progress),
        () => undefined,
      ),
    [sessionId, detail.language],
  );
  const changeKeyPoint = useCallback(
    (next: SessionDetail['keyPoints'][number]) => setKeyPoints((all) => all.map((k) => (k.id === next.id ? next : k))),
    [],
  );
  const links = usePlayerLinks();
  useReadingTracker(materialRef, sessionId, initialReading, () => {
    setReachedEnd(true);
    refreshProgress();
  });
  useFindInPage(findIn === 'keypoint' ? keyPointsRef : materialRef, findIn === 'note' ? null : find, true);
  return (
    <>
      <Link to="/">{t('session.back')}</Link>
      <h1>
        <span className="session-no">{t('home.sessionNo', { n: p.ord })}</span>{' '}
        <span lang={detail.language}>{p.title}</span>
      </h1>
      <ContentLanguageBar
        languages={detail.languages}
        shown={detail.language}
        notice={detail.notice}
        pinned={params.has('lang')}
        onChoose={() => {
          const next = new URLSearchParams(params);
          next.delete('lang');
          setParams(next, { replace: true });
        }}
      />
      <div className="session-meta card">
        <span className={`badge badge-${p.status}`}>{t(`status.${p.status}`)}</span>
        <ProgressBar value={p.fraction} label={p.title} />
        <span>{t('session.timeSpent', { minutes: Math.round(p.reading.seconds / 60) })}</span>
        <WatchedLine watching={p.watching} />
      </div>
      {/* Each save changes coverage, the fraction and perhaps completion: the status line is fetched again. */}
      <SessionMedia sessionId={sessionId} links={links} onSaved={refreshProgress} />
      <section
        ref={materialRef}
        aria-labelledby="material-heading"
        className={`material card${other ? ' wide' : ''}`}
        data-testid="material"
      >
        <h2 id="material-heading" className="visually-hidden">
          {t('session.material')}
        </h2>
        {other ? (
          <MaterialSideBySide detail={detail} other={other} media={media} />
        ) : (
          <div lang={detail.language}>
            <Markdown text={detail.material} media={media} />
          </div>
        )}
        {reachedEnd && <p className="success">{t('session.readToEnd')}</p>}
      </section>
      <KeyPoints
        ref={keyPointsRef}
        sessionId={sessionId}
        keyPoints={keyPoints}
        language={detail.language}
        onChange={changeKeyPoint}
        onSaved={refreshProgress}
        chapterOf={links.chapterOf}
        onWatch={links.watch}
      />
      <QuizLink sessionId={sessionId} quiz={p.quiz} />
      <Notes sessionId={sessionId} initial={detail.note.text} find={findIn === 'note' ? find : null} />
    </>
  );
}

export function Session() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // A search hit in the other language opens the session in that language (?lang=).
  const chosen = useContentLanguage();
  const language = params.get('lang') ?? chosen;
  const { data, error, reload } = useCall('session.get', { sessionId, language });
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [sessionId]);
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data || data.progress.id !== sessionId) return <p>{t('app.loading')}</p>;
  return <Loaded key={`${sessionId}:${data.language}`} detail={data} />;
}
