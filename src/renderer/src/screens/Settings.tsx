import { TEXT_SCALE_STEPS } from '../../../shared/text-scale';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../shared/languages';
import { useCall } from '../hooks/useCall';
import { useApp } from '../state';
import { ContentLanguageSetting } from './content/ContentLanguageSetting';
import { VenueModeSettings } from './admin/VenueModeSettings';

const STEPS = TEXT_SCALE_STEPS;

export function SettingsScreen() {
  const { t } = useTranslation();
  const { settings, updateSettings } = useApp();
  const info = useCall('app.info', {});
  const index = Math.max(
    0,
    STEPS.findIndex((s) => s >= settings.textScale - 0.001),
  );
  const setScale = (i: number) =>
    void updateSettings({ textScale: STEPS[Math.max(0, Math.min(STEPS.length - 1, i))]! });
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <section className="card" aria-labelledby="lang-heading">
        <h2 id="lang-heading">{t('settings.language')}</h2>
        <select
          aria-labelledby="lang-heading"
          value={settings.language ?? 'system'}
          onChange={(e) => {
            const v = e.target.value;
            void updateSettings({ language: isLanguage(v) ? v : null });
          }}
        >
          <option value="system">{t('settings.languageSystem')}</option>
          <option value="zh-CN">中文（简体）</option>
          <option value="en">English</option>
        </select>
      </section>
      <ContentLanguageSetting />
      <section className="card" aria-labelledby="size-heading">
        <h2 id="size-heading">{t('settings.textSize')}</h2>
        <div className="row" role="group" aria-labelledby="size-heading">
          <button type="button" onClick={() => setScale(index - 1)} disabled={index === 0}>
            A− <span className="visually-hidden">{t('settings.smaller')}</span>
          </button>
          <output aria-live="polite">
            {t('settings.textSizeValue', { percent: Math.round(settings.textScale * 100) })}
          </output>
          <button type="button" onClick={() => setScale(index + 1)} disabled={index === STEPS.length - 1}>
            A+ <span className="visually-hidden">{t('settings.larger')}</span>
          </button>
          <button type="button" className="secondary" onClick={() => void updateSettings({ textScale: 1 })}>
            {t('settings.reset')}
          </button>
        </div>
      </section>
      <VenueModeSettings />
      {info.data && (
        <section className="card" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('settings.about')}</h2>
          <p>{t('settings.version', { version: info.data.version })}</p>
          <p className="small">{t('settings.dataDir', { dir: info.data.dataDir })}</p>
          <p className="small">{t('app.offline')}</p>
        </section>
      )}
    </>
  );
}
