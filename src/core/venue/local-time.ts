import { AppError } from '../../shared/errors';

/**
 * Times in venue exports are the venue's local time, not UTC text: officials sort and filter by
 * date, and a Beijing venue reading "20:23Z" for 04:23 the next morning misdates a day's work.
 */

/** The IANA zone to write times in: the caller's (the renderer knows the venue's), else the core's. */
export function localZone(timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new AppError('INVALID_INPUT', `Unknown time zone "${zone}".`, { reason: 'venue.export.badTimeZone', zone });
  }
  return zone;
}

/** Minutes east of UTC in `zone` at that instant (summer time included). */
export function offsetMinutes(ms: number, zone: string): number {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+08:00", or "GMT" for UTC
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** ISO 8601 in local time with its offset, to the second: 2026-11-26T04:23:13+08:00. */
export function localIso(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const off = offsetMinutes(ms, zone);
  const wall = new Date(ms + off * 60_000).toISOString().slice(0, 19);
  return `${wall}${off < 0 ? '-' : '+'}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/**
 * A spreadsheet date has no zone: it shows its fields as they are. exceljs writes a Date's UTC
 * fields, so the local wall-clock time goes into them.
 */
export function wallClockDate(iso: string, zone: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + offsetMinutes(ms, zone) * 60_000);
}
