import type { Language } from '../../shared/contract/app';
import type { RejectReason } from '../../shared/contract/venue';
import { fileWords } from '../records/labels';

/** Words of the venue report files (CSV headers, sheet names, reasons), in the UI's language. */
export interface VenueLabels {
  person: string[];
  session: (n: number) => string[];
  tail: string[];
  sheets: { participants: string; summary: string; rejected: string; missing: string; units: string };
  summary: string[];
  overallRow: string;
  participantsRow: string;
  rejected: string[];
  missing: string[];
  reasons: Record<RejectReason, string>;
  studyHours: string;
  /** 学时: credit hours by the pack's rules (studyHours is time on task). */
  credit: string;
  creditRow: string;
  units: string[];
  unitsTotal: string;
  printed: string;
  code: string;
}

/** From the shared locale files (`files.venue`), the same ones the renderer loads. */
export const venueLabels = (language: Language): VenueLabels => {
  const v = fileWords(language).venue;
  return {
    ...v,
    session: (n) => v.sessionColumns.map((c) => c.replaceAll('{{n}}', String(n))),
  };
};
