import type { RosterProblem, VenueParticipant } from '../../shared/contract/venue';

export interface Person {
  name: string;
  unit: string;
  /** The row of the roster file (1-based, as the spreadsheet shows it). */
  row?: number;
}

/**
 * Compare names as people read them: full-width/half-width (NFKC), spacing of any kind (the
 * ideographic space too, and zero-width ones) and Latin case do not matter.
 */
export const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '')
    .toLowerCase();

/** Header cells: trimmed, NFKC, without a trailing colon or a required-field star. */
const headerKey = (s: string) =>
  norm(s)
    .replace(/[:*：]+$/, '')
    .replace(/^\*/, '');
const NAME = /^(姓名|学员姓名|名字|name|fullname|participant)$/;
const UNIT = /^(工作单位|单位|单位名称|所在单位|workunit|unit|organisation|organization|employer)$/;
const VENUE = /^(分会场|会场|venue|site)$/;

export interface RosterColumns {
  name: number;
  unit: number;
  venue: number;
  /** The header's row (1-based), or null when none was found and name, unit were assumed. */
  headerRow: number | null;
}

/** The header is the first of the top rows with a name column; rows above it (a title) are skipped. */
export function findColumns(rows: readonly string[][]): RosterColumns {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const keys = (rows[i] ?? []).map(headerKey);
    const name = keys.findIndex((k) => NAME.test(k));
    if (name >= 0) {
      return {
        name,
        unit: keys.findIndex((k) => UNIT.test(k)),
        venue: keys.findIndex((k) => VENUE.test(k)),
        headerRow: i + 1,
      };
    }
  }
  return { name: 0, unit: 1, venue: -1, headerRow: null };
}

/** U+FFFD or control characters: what a wrongly decoded or damaged cell looks like. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const UNREADABLE = /[\ufffd\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * The people of a roster table, one per row below the header, with a problem for each row that
 * cannot be read as a person (naming its row): a row with other cells but no name, a cell that
 * did not decode, or a repeated person. Such rows are left out; every other row is used.
 */
export function rosterPeople(rows: readonly string[][]): {
  columns: RosterColumns;
  people: Person[];
  problems: RosterProblem[];
} {
  const columns = findColumns(rows);
  const problems: RosterProblem[] = [];
  if (columns.headerRow === null) problems.push({ row: 1, reason: 'venue.roster.noHeader' });
  const seen = new Map<string, number>();
  const people: Person[] = [];
  const cell = (r: readonly string[], c: number) => (c < 0 ? '' : (r[c] ?? '').trim());
  for (let i = columns.headerRow ?? 0; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const row = i + 1;
    const person = { name: cell(r, columns.name), unit: cell(r, columns.unit), row };
    if (!person.name) {
      if (r.some((c) => c.trim() !== '')) problems.push({ row, reason: 'venue.roster.rowNoName' });
      continue;
    }
    if (UNREADABLE.test(person.name) || UNREADABLE.test(person.unit)) {
      problems.push({ row, reason: 'venue.roster.rowUnreadable' });
      continue;
    }
    const key = `${norm(person.name)}\u0000${norm(person.unit)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ row, reason: 'venue.roster.rowDuplicate', first });
      continue;
    }
    seen.set(key, row);
    people.push(person);
  }
  return { columns, people, problems };
}

/**
 * Who on the roster has not submitted, and who submitted without being on it. A roster line
 * without a unit matches that name in any unit. Maps, so a roster of thousands stays linear.
 */
export function matchRoster(roster: Person[], participants: VenueParticipant[]) {
  const byNameUnit = new Set(participants.map((p) => `${norm(p.name)}\u0000${norm(p.unit)}`));
  const byName = new Set(participants.map((p) => norm(p.name)));
  const onRoster = new Set(roster.map((p) => `${norm(p.name)}\u0000${norm(p.unit)}`));
  const rosterNamesAnyUnit = new Set(roster.filter((p) => !p.unit).map((p) => norm(p.name)));
  const missing = roster
    .filter((p) => (p.unit ? !byNameUnit.has(`${norm(p.name)}\u0000${norm(p.unit)}`) : !byName.has(norm(p.name))))
    .map(({ name, unit }) => ({ name, unit }));
  const notOnRoster = participants
    .filter((p) => !onRoster.has(`${norm(p.name)}\u0000${norm(p.unit)}`) && !rosterNamesAnyUnit.has(norm(p.name)))
    .map((p) => ({ name: p.name, unit: p.unit }));
  return { total: roster.length, missing, notOnRoster };
}
