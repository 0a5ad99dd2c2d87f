import type { VenueParticipant } from '../../shared/contract/venue';
import { parseCsv } from '../records/csv';

export interface Person {
  name: string;
  unit: string;
}

/** Compare names as people read them: full-width/half-width, spacing and Latin case do not matter. */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const NAME = /^(name|姓名)$/i;
const UNIT = /^(unit|work unit|工作单位|单位)$/i;

/**
 * A roster CSV: columns name and unit, UTF-8 with or without BOM. A header row (name/姓名,
 * unit/单位) is recognised and may order the columns; without one, name is first, unit second.
 */
export function parseRoster(text: string): Person[] {
  const rows = parseCsv(text);
  let nameCol = 0;
  let unitCol = 1;
  const head = rows[0]?.map((c) => c.trim());
  if (head && head.some((c) => NAME.test(c))) {
    nameCol = head.findIndex((c) => NAME.test(c));
    unitCol = head.findIndex((c) => UNIT.test(c));
    rows.shift();
  }
  const seen = new Set<string>();
  const people: Person[] = [];
  for (const r of rows) {
    const person = { name: (r[nameCol] ?? '').trim(), unit: unitCol < 0 ? '' : (r[unitCol] ?? '').trim() };
    const key = `${norm(person.name)}\u0000${norm(person.unit)}`;
    if (!person.name || seen.has(key)) continue;
    seen.add(key);
    people.push(person);
  }
  return people;
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
  const missing = roster.filter((p) =>
    p.unit ? !byNameUnit.has(`${norm(p.name)}\u0000${norm(p.unit)}`) : !byName.has(norm(p.name)),
  );
  const notOnRoster = participants
    .filter((p) => !onRoster.has(`${norm(p.name)}\u0000${norm(p.unit)}`) && !rosterNamesAnyUnit.has(norm(p.name)))
    .map((p) => ({ name: p.name, unit: p.unit }));
  return { total: roster.length, missing, notOnRoster };
}
