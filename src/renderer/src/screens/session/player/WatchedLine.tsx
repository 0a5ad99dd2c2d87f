import { useTranslation } from 'react-i18next';
import type { SessionProgress } from '../../../../../shared/contract/study';
import { watchedFigures } from '../../../../../shared/progress-figures';

/**
 * "已观看 42 / 58 分钟" on a session's card and page. Small files, so home (first screen) can show
 * it without loading the player.
 */
export function WatchedLine({ watching }: { watching: SessionProgress['watching'] }) {
  const { t } = useTranslation();
  const figures = watchedFigures(watching);
  if (!figures) return null;
  return (
    <span className="watched-line" data-testid="watched-line">
      {t(figures.key, { watched: figures.watched, total: figures.total })}
    </span>
  );
}
