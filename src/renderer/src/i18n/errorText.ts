import type { TFunction } from 'i18next';
import { ApiCallError } from '../api/client';

export interface WordedError {
  /** The sentence in the participant's language. */
  text: string;
  /** "File: …" when the error names a file or zip entry. */
  where: string | null;
  /** Code and reason key, for support: never an English sentence. */
  technical: string | null;
}

/**
 * Words any error in the UI language: `reasons.<detail.reason>` with the detail as
 * interpolation values, else `errors.<code>`, else a general sentence. The core's English
 * message is never shown, so no English sentence reaches the Chinese UI.
 */
export function wordError(t: TFunction, error: unknown): WordedError {
  if (!(error instanceof ApiCallError)) return { text: t('errors.unexpected'), where: null, technical: null };
  const { code, detail = {} } = error.error;
  const reason = typeof detail.reason === 'string' ? detail.reason : null;
  const values = { ...detail, interpolation: { escapeValue: false } };
  const reasonKey = reason ? `reasons.${reason}` : null;
  const text =
    reasonKey && t(reasonKey, { defaultValue: '' }) !== ''
      ? t(reasonKey, values)
      : t(`errors.${code}`, { defaultValue: t('errors.unexpected') });
  const entry = typeof detail.entry === 'string' && detail.entry ? detail.entry : null;
  return {
    text,
    where: entry ? t('errors.where', { entry }) : null,
    technical: t('errors.codeLine', { code, reason: reason ?? '' }).trim(),
  };
}
