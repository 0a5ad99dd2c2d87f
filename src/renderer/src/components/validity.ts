import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Props that word a field's validation bubble in the participant's language: the browser words
 * its own ("Please match the requested format.") in its UI language and says nothing of what
 * format is wanted. `patternMessage` says what the pattern asks for.
 */
export function useValidityText() {
  const { t } = useTranslation();
  return (patternMessage?: string) => ({
    onInvalid: (e: FormEvent<Field>) => {
      const v = e.currentTarget.validity;
      const message = v.valueMissing
        ? t('profiles.required')
        : v.patternMismatch && patternMessage
          ? patternMessage
          : '';
      e.currentTarget.setCustomValidity(message);
    },
    onInput: (e: FormEvent<Field>) => e.currentTarget.setCustomValidity(''),
  });
}
