import { useTranslation } from 'react-i18next';
import { useApp } from '../state';

/**
 * The content language to ask the core for: the participant's choice, else the UI language. The
 * core answers in the pack's own language when the pack lacks the one asked for.
 */
export function useContentLanguage(): string {
  const { settings } = useApp();
  const { i18n } = useTranslation();
  return settings.contentLanguage ?? i18n.language;
}
