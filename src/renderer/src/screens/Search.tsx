import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from '../router';
import { ErrorMessage } from '../components/ErrorMessage';
import { useCall } from '../hooks/useCall';
import { useContentLanguage } from '../hooks/useContentLanguage';
import { plainSnippet } from './plainSnippet';

/** Snippets mark matches with \u0001…\u0002; render them as <mark> without any HTML parsing. */
function Snippet({ text }: { text: string }) {
  // eslint-disable-next-line no-control-regex -- the markers are control characters on purpose: typed text never holds them
  const parts = text.split(/(\u0001[^\u0002]*\u0002)/);
  return (
    <>
      {parts.map((p, i) => (p.startsWith('\u0001') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}
    </>
  );
}

function Results({ query }: { query: string }) {
  const { t } = useTranslation();
  const language = useContentLanguage();
  const { data, error } = useCall('search.query', { query, language });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('app.loading')}</p>;
  if (!data.hits.length) return <p role="status">{t('search.none', { query })}</p>;
  return (
    <>
      <p role="status">{t('search.results', { count: data.hits.length })}</p>
      <ol className="search-results">
        {data.hits.map((h) => (
          <li key={`${h.kind}-${h.sessionId}-${h.itemId}`} className="card">
            <Link
              to={`/session/${h.sessionId}?${new URLSearchParams({ find: query, in: h.kind, item: h.itemId, ...(h.language ? { lang: h.language } : {}) }).toString()}`}
            >
              <span className="badge">{t(`search.kind.${h.kind}`)}</span> {h.sessionTitle}
            </Link>
            <p className="snippet" lang={h.language ?? undefined}>
              <Snippet text={plainSnippet(h.snippet, h.kind)} />
            </p>
          </li>
        ))}
      </ol>
      {data.truncated && <p>{t('search.truncated')}</p>}
    </>
  );
}

export function Search() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) setParams({ q: draft.trim() });
  };
  return (
    <>
      <h1>{t('search.title')}</h1>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor="search-input">{t('search.label')}</label>
        <div className="row">
          <input
            id="search-input"
            type="search"
            value={draft}
            placeholder={t('search.placeholder')}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={200}
          />
          <button type="submit">{t('search.submit')}</button>
        </div>
      </form>
      {query && <Results query={query} />}
    </>
  );
}
