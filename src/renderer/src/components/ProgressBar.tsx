import { percentOf } from '../../../shared/progress-figures';

/**
 * The fill is an SVG rectangle sized by an attribute, not a style: the CSP forbids style
 * attributes, and the hosts' first screen (src/shared/first-screen/home-markup.ts) is markup
 * served before any script, the same as this.
 */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = percentOf(value);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <svg className="progress-fill" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
        <rect width={percent} height="1" />
      </svg>
    </div>
  );
}
