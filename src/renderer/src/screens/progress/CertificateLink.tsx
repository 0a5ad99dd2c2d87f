import { useTranslation } from 'react-i18next';
import { Link } from '../../router';
import { useCall } from '../../hooks/useCall';

/** Points to the certificate (结业证书) once the course rule is met; says what earns it until then. */
export function CertificateLink() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { data } = useCall('certificate.get', { language });
  if (data === undefined) return null;
  return (
    <section className="card no-print certificate-link" aria-labelledby="certificate-link-heading">
      <h2 id="certificate-link-heading">{t('certificate.title')}</h2>
      {data ? (
        <>
          <p>{t('certificateLink.ready')}</p>
          <Link to="/certificate" className="button">
            {t('certificateLink.open')}
          </Link>
        </>
      ) : (
        <p className="small">{t('certificateLink.notYet')}</p>
      )}
    </section>
  );
}
