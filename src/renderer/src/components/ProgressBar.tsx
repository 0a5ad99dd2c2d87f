import { percentOf } from './percent';

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
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
