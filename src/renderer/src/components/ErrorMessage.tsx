import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client';

export function ErrorMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof ApiCallError ? error.code : undefined;
  const known = code && ['NO_PROFILE', 'PIN_WRONG', 'PIN_REQUIRED'].includes(code);
  return (
    <div role="alert" className="error">
      <p>{known ? t(`errors.${code}`) : t('errors.generic', { message: error.message })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
