import type { VenueReport } from '../../shared/contract/venue';
import type { VenueImport } from './collector';
import { matchRoster, parseRoster } from './roster';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The finished report: participants (sorted by unit, then name), totals, problems, roster gaps. */
export function buildReport(imp: VenueImport, roster: string | undefined, at: string): VenueReport {
  const participants = imp
    .participants()
    .sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.name, b.name));
  const sessions = imp.pack.sessions.map((s, i) => ({
    id: s.id,
    passed: participants.filter((p) => p.sessions[i]?.passed).length,
    completed: participants.filter((p) => p.sessions[i]?.completedAt).length,
  }));
  return {
    pack: { id: imp.pack.id, version: imp.pack.version, title: imp.pack.title },
    sessions: imp.pack.sessions.map(({ id, ord, title }) => ({ id, ord, title })),
    participants,
    totals: {
      participants: participants.length,
      completedAll: participants.filter((p) => p.overall.completedAt !== null).length,
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
    roster: roster?.trim() ? matchRoster(parseRoster(roster), participants) : null,
    generatedAt: at,
  };
}
