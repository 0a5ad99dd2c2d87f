import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from '../router';
import { ErrorMessage } from '../components/ErrorMessage';
import { useCall } from '../hooks/useCall';
import { usePackLanguage } from '../hooks/usePackLanguage';

/** The full article as plain paragraphs, with the cited passage (?quote=) highlighted and in view. */
export function SourceView() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const quote = params.get('quote') ?? '';
  const { data, error, reload } = useCall('source.get', {});
  const markRef = useRef<HTMLElement>(null);
  const lang = usePackLanguage(data?.packId);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [data, quote]);
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data) return <p>{t('app.loading')}</p>;
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
      <article className="card source-text" lang={lang}>
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
    </>
  );
}
