import { creditHours } from '../../shared/records';
import type { UnitSummary, VenueParticipant, VenueReport } from '../../shared/contract/venue';
import type { VenueImport } from './collector';
import { matchRoster, norm, type Person } from './roster';
import type { LoadedRoster } from './roster-load';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Hours to one decimal, as a timesheet shows them. */
const hours = (seconds: number) => Math.round(seconds / 360) / 10;

/**
 * Per work unit: enrolled (roster people of that unit; null without a roster), submitted,
 * completed all sessions, credit hours (学时) and time on task in hours, both re-derived from
 * the evidence. Units match as names do (full-width, spaces).
 */
export function unitSummaries(participants: VenueParticipant[], roster: Person[] | null): UnitSummary[] {
  const units = new Map<string, UnitSummary & { seconds: number }>();
  const unit = (name: string) => {
    const key = norm(name);
    let u = units.get(key);
    if (!u)
      units.set(
        key,
        (u = {
          unit: name,
          enrolled: roster ? 0 : null,
          submitted: 0,
          completedAll: 0,
          credit: 0,
          studyHours: 0,
          seconds: 0,
        }),
      );
    return u;
  };
  for (const p of roster ?? []) unit(p.unit).enrolled! += 1;
  for (const p of participants) {
    const u = unit(p.unit);
    u.submitted++;
    if (p.overall.completedAt !== null) u.completedAll++;
    u.seconds += p.studySeconds;
    u.credit += p.credit;
  }
  return [...units.values()]
    .map(({ seconds, ...u }) => ({ ...u, credit: creditHours(u.credit), studyHours: hours(seconds) }))
    .sort((a, b) => collator.compare(a.unit, b.unit));
}

/** The finished report: participants (sorted by unit, then name), totals, problems, roster gaps. */
export function buildReport(imp: VenueImport, roster: LoadedRoster | null, at: string): VenueReport {
  const participants = imp
    .participants()
    .sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.name, b.name));
  const sessions = imp.pack.sessions.map((s, i) => ({
    id: s.id,
    passed: participants.filter((p) => p.sessions[i]?.passed).length,
    completed: participants.filter((p) => p.sessions[i]?.completedAt).length,
    credit: creditHours(participants.reduce((n, p) => n + (p.sessions[i]?.credit ?? 0), 0)),
  }));
  const { pack } = imp;
  return {
    pack: { id: pack.id, version: pack.version, title: pack.title, titles: pack.titles ?? {} },
    sessions: pack.sessions.map(({ id, ord, title, titles }) => ({ id, ord, title, titles: titles ?? {} })),
    grantsCredit: pack.rules.grantsCredit,
    participants,
    totals: {
      participants: participants.length,
      completedAll: participants.filter((p) => p.overall.completedAt !== null).length,
      credit: creditHours(participants.reduce((n, p) => n + p.credit, 0)),
      sessions,
    },
    files: {
      received: imp.received,
      accepted: imp.accepted,
      rejected: imp.rejected.length,
      superseded: imp.superseded.length,
    },
    rejected: imp.rejected,
    superseded: imp.superseded,
    warnings: imp.warnings,
    roster: roster
      ? {
          ...matchRoster(roster.people, participants),
          format: roster.format,
          encoding: roster.encoding,
          headerRow: roster.headerRow,
          columns: roster.columns,
          problems: roster.problems,
        }
      : null,
    units: unitSummaries(participants, roster?.people ?? null),
    generatedAt: at,
  };
}
