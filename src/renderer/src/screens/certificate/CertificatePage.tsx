import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../../shared/contract/certificate';
import { ErrorMessage } from '../../components/ErrorMessage';
import { host } from '../../host';
import { useCall } from '../../hooks/useCall';
import { wordError } from '../../i18n/errorText';
import { Link } from '../../router';
import './certificate.css';

const dateText = (iso: string, language: string) =>
  new Date(iso).toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric' });

/**
 * The certificate of completion (结业证书) as an A4 official document in the participant's UI
 * language: title, the certifying sentence, the sessions with their dates, the credit hours, the
 * number and verification code of the signed record, and blank lines for the venue's seal and
 * signature. Printed through the host (a PDF file in Electron, the print dialog in a browser).
 */
export function CertificatePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { data, error, reload } = useCall('certificate.get', { language });
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: string }>({ busy: false });
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (data === undefined) return <p>{t('app.loading')}</p>;
  if (data === null)
    return (
      <div>
        <h1>{t('certificate.pageTitle')}</h1>
        <p>{t('certificate.notYet')}</p>
        <Link to="/progress">{t('certificate.back')}</Link>
      </div>
    );
  const print = async () => {
    setState({ busy: true });
    const fileName = t('certificate.fileName', { name: data.name });
    try {
      const r = await host.print(fileName);
      setState({ busy: false, saved: r.saved ? fileName : undefined });
    } catch (e) {
      setState({ busy: false, error: wordError(t, e).text });
    }
  };
  return (
    <div className="certificate-screen">
      <div className="no-print certificate-actions row">
        <button type="button" disabled={state.busy} onClick={() => void print()}>
          {t('certificate.print')}
        </button>
        <Link to="/progress">{t('certificate.back')}</Link>
        <div role="status" aria-live="polite">
          {state.saved && <p className="success">{t('certificate.saved', { fileName: state.saved })}</p>}
        </div>
        {state.error && (
          <p role="alert" className="error">
            {t('certificate.printFailed', { message: state.error })}
          </p>
        )}
      </div>
      <CertificateSheet certificate={data} language={language} />
    </div>
  );
}

function CertificateSheet({ certificate: c, language }: { certificate: Certificate; language: string }) {
  const { t } = useTranslation();
  const hours = c.credit.hours.toLocaleString(language, { maximumFractionDigits: 2 });
  return (
    <article className="certificate-sheet" lang={language} aria-labelledby="certificate-title">
      <div className="certificate-frame">
        <p className="certificate-number">{t('certificate.number', { number: c.number })}</p>
        <h1 id="certificate-title" className="certificate-title">
          {t('certificate.title')}
        </h1>
        <p className="certificate-body">
          {t('certificate.certify', { name: c.name, unit: c.unit, course: c.course.title })}
        </p>
        {c.venue && <p className="certificate-venue">{t('certificate.venueLine', { venue: c.venue })}</p>}
        {c.credit.grants && (
          <p className="certificate-credit" data-testid="certificate-credit">
            {t('certificate.credit', { hours })}
          </p>
        )}
        <table className="certificate-sessions">
          <caption>{t('certificate.sessions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('certificate.session')}</th>
              <th scope="col">{t('certificate.completedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {c.sessions.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <span className="session-no">{t('certificate.sessionNo', { n: s.ord })}</span> {s.title}
                </th>
                <td>{dateText(s.completedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="certificate-foot">
          <div className="certificate-lines">
            <p>
              {t('certificate.seal')}
              <span className="certificate-blank" />
            </p>
            <p>
              {t('certificate.signature')}
              <span className="certificate-blank" />
            </p>
            <p className="certificate-date">{t('certificate.issued', { date: dateText(c.issuedAt, language) })}</p>
          </div>
          <p className="certificate-code">
            {t('certificate.code', { code: c.verificationCode })}
            <span className="certificate-code-help">{t('certificate.codeHelp')}</span>
          </p>
        </div>
      </div>
    </article>
  );
}
