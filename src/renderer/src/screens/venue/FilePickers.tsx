import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface Picked {
  files: File[];
  skipped: number;
}

/**
 * Three inputs: several record files, a whole folder (e.g. the USB stick's folder), and the
 * optional roster (CSV in any common encoding, or XLSX). The folder input's `webkitdirectory` is set on the element because React
 * does not know the attribute; Chromium (and so Electron) supports it.
 */
export function FilePickers(props: {
  disabled: boolean;
  onFiles: (list: FileList | null, fromFolder: boolean) => void;
  onRoster: (file: File | undefined) => void;
}) {
  const { t } = useTranslation();
  const several = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  // Choosing in one picker clears the other, so what the inputs show is what will be imported.
  const chosen = (list: FileList | null, fromFolder: boolean) => {
    const other = fromFolder ? several.current : folder.current;
    if (other) other.value = '';
    props.onFiles(list, fromFolder);
  };
  useEffect(() => {
    if (folder.current) folder.current.webkitdirectory = true;
  }, []);
  return (
    <div className="row">
      <label className="file-label">
        {t('venue.chooseFiles')}
        <input
          ref={several}
          type="file"
          multiple
          accept=".json,application/json"
          disabled={props.disabled}
          onChange={(e) => chosen(e.target.files, false)}
        />
      </label>
      <label className="file-label">
        {t('venue.chooseFolder')}
        <input ref={folder} type="file" disabled={props.disabled} onChange={(e) => chosen(e.target.files, true)} />
      </label>
      <label className="file-label">
        {t('venue.chooseRoster')}
        <input
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={props.disabled}
          onChange={(e) => props.onRoster(e.target.files?.[0])}
        />
      </label>
    </div>
  );
}
