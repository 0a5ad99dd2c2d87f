import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { formatBytes } from '../../components/formatBytes';
import { ProgressBar } from '../../components/ProgressBar';
import { secondsLeft } from './timeLeft';

type Progress = CallOutput<'library.importProgress'>;

/**
 * While `library.import` runs, polls `library.importProgress`: bytes checked of the file, time
 * remaining, the disk space the pack will take, and a cancel that removes everything staged.
 */
export function ImportProgress({ uploadId }: { uploadId: string }) {
  const { t } = useTranslation();
  const [p, setP] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    let live = true;
    const poll = () =>
      call('library.importProgress', { uploadId }).then(
        (next) => live && setP(next),
        () => {},
      );
    void poll();
    const timer = setInterval(() => void poll(), 300);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [uploadId]);
  const fraction = p && p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : 0;
  const left = p ? secondsLeft(p) : null;
  return (
    <div className="import-progress" data-testid="import-progress">
      <p>
        {t('media.progress', {
          done: formatBytes(p?.bytesDone ?? 0),
          total: formatBytes(p?.bytesTotal ?? 0),
          percent: Math.round(fraction * 100),
        })}
        {left !== null && <> · {t('media.timeLeft', { count: left })}</>}
      </p>
      <ProgressBar value={fraction} label={t('library.verifying')} />
      {p !== null && p.diskBytes > 0 && (
        <p className="small">
          {t('media.diskSpace', { size: formatBytes(p.diskBytes) })}
          {p.mediaCount > 0 && <> · {t('media.mediaCount', { count: p.mediaCount })}</>}
        </p>
      )}
      <button
        type="button"
        className="secondary"
        disabled={cancelling}
        onClick={() => {
          setCancelling(true);
          void call('library.importCancel', { uploadId });
        }}
      >
        {t('media.cancel')}
      </button>
    </div>
  );
}
