import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from '../router';
import { ErrorMessage } from '../components/ErrorMessage';
import { useCall } from '../hooks/useCall';
import { useContentLanguage } from '../hooks/useContentLanguage';
import { useApp } from '../state';
import { ContentLanguageBar, otherLanguage } from './content/ContentLanguageBar';
import { SideBySide } from './content/SideBySide';

/** The article in the other language, paragraph beside paragraph. */
function ArticleSideBySide({ text, language, other }: { text: string; language: string; other: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('source.get', { language: other });
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data) return <p>{t('app.loading')}</p>;
  return <SideBySide plain left={{ language, text }} right={{ language: data.language, text: data.text }} />;
}

/** The full article as plain paragraphs, with the cited passage (?quote=) highlighted and in view. */
export function SourceView() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const quote = params.get('quote') ?? '';
  const language = useContentLanguage();
  const { settings } = useApp();
  const { data, error, reload } = useCall('source.get', { language });
  const markRef = useRef<HTMLElement>(null);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [data, quote]);
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data) return <p>{t('app.loading')}</p>;
  const other = settings.sideBySide && !quote ? otherLanguage(data.languages, data.language) : null;
  return (
    <>
      {/* Electron has no Back button: opened from a key point or a review, this leads back there. */}
      <p>
        {window.history.length > 1 ? (
          <button type="button" className="link-button" onClick={() => window.history.back()}>
            {t('source.back')}
          </button>
        ) : (
          <Link to="/">{t('session.back')}</Link>
        )}
      </p>
      <h1>{t('source.title')}</h1>
      <p className="lead">{t('source.intro')}</p>
      <ContentLanguageBar languages={data.languages} shown={data.language} notice={data.notice} />
      {other ? (
        <article className="card source-text wide">
          <ArticleSideBySide text={data.text} language={data.language} other={other} />
        </article>
      ) : (
        <article className="card source-text" lang={data.language}>
          {data.text
            .split(/\n\s*\n/)
            .filter((p) => p.trim())
            .map((para, i) => {
              const at = quote ? para.indexOf(quote) : -1;
              if (at < 0) return <p key={i}>{para}</p>;
              return (
                <p key={i}>
                  {para.slice(0, at)}
                  <mark ref={markRef} tabIndex={-1}>
                    {quote}
                  </mark>
                  {para.slice(at + quote.length)}
                </p>
              );
            })}
        </article>
      )}
    </>
  );
}
