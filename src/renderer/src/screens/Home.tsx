import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import type { SessionProgress } from '../../../shared/contract/study';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProgressBar } from '../components/ProgressBar';
import { useCall } from '../hooks/useCall';
import { useContentLanguage } from '../hooks/useContentLanguage';
import { WatchedLine } from './session/player/WatchedLine';

function SessionCard({ s, lang }: { s: SessionProgress; lang: string }) {
  const { t } = useTranslation();
  return (
    <li className={`session-card status-${s.status}`}>
      <Link to={`/session/${s.id}`} className="session-link">
        <span className="session-no">{t('home.sessionNo', { n: s.ord })}</span>
        <span className="session-title" lang={lang}>
          {s.title}
        </span>
      </Link>
      {s.summary && (
        <p className="session-summary" lang={lang}>
          {s.summary}
        </p>
      )}
      <p className="session-status">
        <span className={`badge badge-${s.status}`}>{t(`status.${s.status}`)}</span>
        <span>{t('session.keyPointsProgress', { reviewed: s.keyPoints.reviewed, total: s.keyPoints.total })}</span>
        <WatchedLine watching={s.watching} />
      </p>
      <ProgressBar value={s.fraction} label={`${s.title}: ${Math.round(s.fraction * 100)}%`} />
    </li>
  );
}

export function Home() {
  const { t } = useTranslation();
  const language = useContentLanguage();
  const { data, error, reload } = useCall('course.overview', { language });
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data) return <p>{t('app.loading')}</p>;
  const { pack, overall, resume, sessions } = data;
  const first = sessions[0];
  return (
    <>
      <h1 lang={data.language}>{pack.title}</h1>
      {pack.description && (
        <p className="lead" lang={data.language}>
          {pack.description}
        </p>
      )}
      <section className="card overall" aria-labelledby="overall">
        <h2 id="overall">{t('home.overall')}</h2>
        <p>{t('home.completedOf', { done: overall.completed, total: overall.total })}</p>
        <ProgressBar value={overall.fraction} label={t('home.overall')} />
        {overall.completedAt && <p className="success">{t('home.classComplete')}</p>}
        {resume ? (
          <Link className="button" to={`/session/${resume.sessionId}`}>
            {t('home.continue', { title: resume.title })}
          </Link>
        ) : (
          first && (
            <Link className="button" to={`/session/${first.id}`}>
              {t('home.start')}
            </Link>
          )
        )}
      </section>
      <h2>{t('home.sessions')}</h2>
      <ol className="session-grid">
        {sessions.map((s) => (
          <SessionCard key={s.id} s={s} lang={data.language} />
        ))}
      </ol>
    </>
  );
}
