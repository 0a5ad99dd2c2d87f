import { useTranslation } from 'react-i18next';
import { useApp } from '../../state';

/** The 中英对照 switch, a remembered setting: the same control on the reading screens and in Settings. */
export function SideBySideToggle() {
  const { t } = useTranslation();
  const { settings, updateSettings } = useApp();
  return (
    <label className="check side-by-side-toggle">
      <input
        type="checkbox"
        checked={settings.sideBySide}
        onChange={(e) => void updateSettings({ sideBySide: e.target.checked })}
      />
      <span>{t('content.sideBySide')}</span>
    </label>
  );
}
