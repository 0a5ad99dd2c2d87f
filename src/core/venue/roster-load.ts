import type { z } from 'zod';
import type { rosterFileSchema, RosterProblem } from '../../shared/contract/venue';
import { parseCsv } from '../records/csv';
import { readRosterFile, type RosterTable } from './roster-read';
import { rosterPeople, type Person } from './roster';

export type RosterInput = string | z.infer<typeof rosterFileSchema>;

export interface LoadedRoster {
  format: RosterTable['format'];
  encoding: RosterTable['encoding'];
  headerRow: number | null;
  columns: { name: string | null; unit: string | null; venue: string | null };
  problems: RosterProblem[];
  people: Person[];
}

/** A roster from the venue's file (or, for scripts, its text): the people and how it was read. */
export async function loadRoster(input: RosterInput): Promise<LoadedRoster> {
  const table: RosterTable =
    typeof input === 'string'
      ? { format: 'csv', encoding: 'utf-8', rows: parseCsv(input, true) }
      : await readRosterFile(input.name, Buffer.from(input.base64, 'base64'), (t) => parseCsv(t, true));
  const { columns, people, problems } = rosterPeople(table.rows);
  const head = columns.headerRow === null ? null : table.rows[columns.headerRow - 1]!;
  const label = (c: number) => (head && c >= 0 ? (head[c] ?? '').trim() : null);
  return {
    format: table.format,
    encoding: table.encoding,
    headerRow: columns.headerRow,
    columns: { name: label(columns.name), unit: label(columns.unit), venue: label(columns.venue) },
    problems,
    people,
  };
}

export const isEmptyRoster = (input: RosterInput | undefined): input is undefined =>
  input === undefined || (typeof input === 'string' ? !input.trim() : !input.base64);
