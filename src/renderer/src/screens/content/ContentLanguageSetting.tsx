import { useTranslation } from 'react-i18next';
import { languageName } from '../../components/languageName';
import { useCall } from '../../hooks/useCall';
import { SideBySideToggle } from './SideBySideToggle';
import { useApp } from '../../state';
import './content.css';

/** Settings: the content language of the active pack (or "same as the interface"). */
export function ContentLanguageSetting() {
  const { t, i18n } = useTranslation();
  const { settings, updateSettings } = useApp();
  const overview = useCall('course.overview', {});
  const languages = overview.data?.pack.languages ?? [];
  if (languages.length < 2) return null;
  return (
    <section className="card" aria-labelledby="content-lang-heading">
      <h2 id="content-lang-heading">{t('content.language')}</h2>
      <p id="content-lang-help">{t('content.settingHelp')}</p>
      <select
        aria-labelledby="content-lang-heading"
        aria-describedby="content-lang-help"
        value={settings.contentLanguage ?? 'ui'}
        onChange={(e) => void updateSettings({ contentLanguage: e.target.value === 'ui' ? null : e.target.value })}
      >
        <option value="ui">{t('content.followUi')}</option>
        {languages.map((lang) => (
          <option key={lang} value={lang}>
            {languageName(lang, t, i18n.language)}
          </option>
        ))}
      </select>
      <SideBySideToggle />
    </section>
  );
}
