import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadFeatures } from '../i18n';
import { wordError } from '../i18n/errorText';

/** An error worded in the participant's language (see wordError), with an optional retry. */
export function ErrorMessage({
  error,
  onRetry,
  prefix,
  children,
}: {
  error: unknown;
  onRetry?: () => void;
  /** A sentence put before the error, e.g. "The pack was not imported:". */
  prefix?: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  // The error wording is not part of the first screen; it arrives here and re-renders this.
  useEffect(() => void loadFeatures(['reasons']), []);
  const w = wordError(t, error);
  return (
    <div role="alert" className="error">
      <p>{prefix ? `${prefix}${w.text}` : w.text}</p>
      {w.where && <p className="small">{w.where}</p>}
      {children}
      {w.technical && <p className="small technical">{w.technical}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
