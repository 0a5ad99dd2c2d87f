import { useTranslation } from 'react-i18next';
import { languageName } from '../../components/languageName';
import { SideBySideToggle } from './SideBySideToggle';
import { useApp } from '../../state';
import './content.css';

interface Props {
  /** Every language the pack has, its own first. */
  languages: string[];
  /** The language shown (the core's answer, which may differ from the one asked for). */
  shown: string;
  /** The translation's own notice (参考译文…), shown in its language. */
  notice: string | null;
  /** Offer the side-by-side view (the reader and the article; not the quiz). */
  sideBySide?: boolean;
  /** The page shows a language of its own choosing (a search hit's): the switch follows `shown`. */
  pinned?: boolean;
  /** Called after the participant picks a language (a pinned page drops its own choice then). */
  onChoose?: () => void;
}

/** Chooses the content language, offers the side-by-side view and says when the text is a translation. */
export function ContentLanguageBar({ languages, shown, notice, sideBySide = true, pinned = false, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const { settings, updateSettings } = useApp();
  if (languages.length < 2) return null;
  // The choice shows at once; the text follows when the core answers in that language.
  const asked = pinned ? null : settings.contentLanguage;
  const selected = asked && languages.includes(asked) ? asked : shown;
  return (
    <div className="content-language card" data-testid="content-language">
      <fieldset className="segmented">
        <legend>{t('content.language')}</legend>
        {languages.map((lang) => (
          <label key={lang} className={lang === selected ? 'chosen' : undefined}>
            <input
              type="radio"
              name="content-language"
              value={lang}
              checked={lang === selected}
              onChange={() => {
                void updateSettings({ contentLanguage: lang });
                onChoose?.();
              }}
            />
            <span lang={lang}>{languageName(lang, t, i18n.language)}</span>
          </label>
        ))}
      </fieldset>
      {sideBySide && <SideBySideToggle />}
      {notice && (
        <p className="translation-notice" lang={shown} role="note">
          {notice}
        </p>
      )}
    </div>
  );
}

/** The other language to show beside `shown`: the pack's own, or its first translation. */
export function otherLanguage(languages: string[], shown: string): string | null {
  return languages.find((l) => l !== shown) ?? null;
}
