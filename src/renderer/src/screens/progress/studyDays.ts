import type { Ledger } from '../../../../shared/contract/watch';
import { minutesOf } from './creditWords';

/** How many days the per-day chart shows, ending today. */
export const DAYS = 14;

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The last DAYS local days, oldest first, with the minutes studied on each (0 when none). */
export function lastDays(days: Ledger['days'], today = new Date()): { day: string; minutes: number }[] {
  const seconds = new Map(days.map((d) => [d.day, d.seconds]));
  return Array.from({ length: DAYS }, (_, i) => {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (DAYS - 1 - i));
    const key = dayKey(d);
    return { day: key, minutes: minutesOf(seconds.get(key) ?? 0) };
  });
}
