import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateCheck as Check } from '../../../../shared/contract/certificate';
import { call } from '../../api/client';
import { wordError } from '../../i18n/errorText';

const NUMBER = /^[0-9A-F]{8}-\d{4,}$/;

/**
 * The venue checks a printed certificate (结业证书) against the record files it imported: the
 * number finds the participant, the venue's own re-derivation says whether the course is complete
 * and what credit it earns, the code says whether the printout and the file carry the same study.
 */
export function CertificateCheck() {
  const { t, i18n } = useTranslation();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<Check | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const cleanNumber = number.trim().toUpperCase();
  const badNumber = cleanNumber !== '' && !NUMBER.test(cleanNumber);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!NUMBER.test(cleanNumber)) return;
    setBusy(true);
    try {
      setResult(
        await call('venue.verifyCertificate', {
          number: cleanNumber,
          code: code.trim(),
          language: i18n.language === 'en' ? 'en' : 'zh-CN',
        }),
      );
    } catch (err) {
      setResult({ error: wordError(t, err).text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card no-print certificate-check" aria-labelledby="certificate-check-heading">
      <h2 id="certificate-check-heading">{t('certificateCheck.title')}</h2>
      <p>{t('certificateCheck.intro')}</p>
      <form className="row" onSubmit={(e) => void submit(e)}>
        <label>
          {t('certificateCheck.number')}
          <input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder={t('certificateCheck.numberHint')}
            aria-invalid={badNumber}
            aria-describedby={badNumber ? 'certificate-number-error' : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label>
          {t('certificateCheck.code')}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t('certificateCheck.codeHint')}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" disabled={busy || cleanNumber === '' || badNumber}>
          {t('certificateCheck.check')}
        </button>
      </form>
      {badNumber && (
        <p id="certificate-number-error" className="error">
          {t('certificateCheck.badNumber')}
        </p>
      )}
      <div aria-live="polite" data-testid="certificate-check-result">
        {result && 'error' in result && (
          <p role="alert" className="error">
            {result.error}
          </p>
        )}
        {result && 'found' in result && !result.found && (
          <p className="error">{t('certificateCheck.notFound', { number: result.number, records: result.records })}</p>
        )}
        {result && 'found' in result && result.found && (
          <>
            <p>{t('certificateCheck.found', { number: result.number })}</p>
            <dl className="record-facts">
              <dt>{t('certificateCheck.name')}</dt>
              <dd>{result.name}</dd>
              <dt>{t('certificateCheck.unit')}</dt>
              <dd>{result.unit}</dd>
              {result.venue && (
                <>
                  <dt>{t('certificateCheck.venue')}</dt>
                  <dd>{result.venue}</dd>
                </>
              )}
              <dt>{t('certificateCheck.course')}</dt>
              <dd>
                {result.course.title} ({result.course.version})
              </dd>
              <dt>{t('certificateCheck.courseComplete')}</dt>
              <dd className={result.courseComplete ? 'success' : 'error'}>
                {t(result.courseComplete ? 'certificateCheck.completeYes' : 'certificateCheck.completeNo')}
              </dd>
              <dt>{t('certificateCheck.credit')}</dt>
              <dd>
                {result.credit.grants
                  ? t('certificateCheck.creditValue', {
                      hours: result.credit.hours.toLocaleString(i18n.language, { maximumFractionDigits: 2 }),
                    })
                  : t('certificateCheck.noCredit')}
              </dd>
              <dt>{t('certificateCheck.codeResult')}</dt>
              <dd
                className={result.codeMatches === null ? undefined : result.codeMatches ? 'success' : 'error'}
                data-testid="certificate-code-result"
              >
                {t(
                  result.codeMatches === null
                    ? 'certificateCheck.codeNotGiven'
                    : result.codeMatches
                      ? 'certificateCheck.codeMatches'
                      : 'certificateCheck.codeDiffers',
                )}
              </dd>
              <dt>{t('certificateCheck.file')}</dt>
              <dd>{result.file}</dd>
              <dt>{t('certificateCheck.exportedAt')}</dt>
              <dd>{new Date(result.exportedAt).toLocaleString(i18n.language)}</dd>
            </dl>
          </>
        )}
      </div>
    </section>
  );
}
