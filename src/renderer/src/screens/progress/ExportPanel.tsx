import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordFormat } from '../../../../shared/contract/records';
import { call } from '../../api/client';
import { wordError } from '../../i18n/errorText';
import { useCall } from '../../hooks/useCall';
import { printPage, saveText } from './download';

const formats: RecordFormat[] = ['json', 'csv', 'xapi'];

/** Downloads of the completion record and the print button; hidden on paper. */
export function ExportPanel({ printName }: { printName: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: string }>({ busy: false });
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const signing = useCall('records.signingInfo', {});

  const run = async (job: () => Promise<string | undefined>) => {
    setState({ busy: true });
    try {
      setState({ busy: false, saved: await job() });
    } catch (e) {
      setState({ busy: false, error: wordError(t, e).text });
    }
  };
  const exportAs = (format: RecordFormat) =>
    run(async () => {
      const file = await call('records.export', { format, language });
      saveText(file);
      return file.fileName;
    });

  return (
    <section className="card no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('records.exportTitle')}</h2>
      <p>{t('records.exportHelp')}</p>
      {signing.data && (
        <p className="small">{t(signing.data.keyProtected ? 'signing.protected' : 'signing.unprotected')}</p>
      )}
      <div className="row">
        {formats.map((f) => (
          <button
            key={f}
            type="button"
            className={f === 'json' ? undefined : 'secondary'}
            disabled={state.busy}
            onClick={() => void exportAs(f)}
          >
            {t(`records.export.${f}`)}
          </button>
        ))}
        <button
          type="button"
          className="secondary"
          disabled={state.busy}
          onClick={() =>
            void run(async () => {
              await printPage(printName);
              return undefined;
            })
          }
        >
          {t('records.print')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.saved && <p className="success">{t('records.saved', { fileName: state.saved })}</p>}
      </div>
      {state.error && (
        <p role="alert" className="error">
          {t('records.exportFailed', { message: state.error })}
        </p>
      )}
    </section>
  );
}
