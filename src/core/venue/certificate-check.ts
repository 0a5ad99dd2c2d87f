import type Database from 'better-sqlite3';
import type { CertificateCheck } from '../../shared/contract/certificate';
import type { VenueReport } from '../../shared/contract/venue';
import { titleIn } from '../../shared/records';
import { recordNumber } from '../records/verification';
import { packRules } from '../study/pack-rules';

/**
 * A printed certificate checked against the record files the venue imported last: the number
 * finds the participant (installation and profile, as on the record), the venue's re-derived
 * sessions and credit say whether the course rule is met, and the code says whether the record holds the same study as the printout.
 */
export function checkCertificate(
  db: Database.Database,
  report: VenueReport,
  input: { number: string; code?: string | undefined; language?: string | undefined },
): CertificateCheck {
  const records = report.participants.length;
  const p = report.participants.find((x) => recordNumber(x.installationId, x.profileId) === input.number);
  if (!p) return { found: false, number: input.number, records };
  const rules = packRules(db, report.pack.id);
  const cells = new Map(report.sessions.map((s, i) => [s.id, p.sessions[i] ?? null]));
  // The credit the venue re-derived from the record's evidence (rederive.ts), never the record's claim.
  const hours = p.credit;
  const courseComplete =
    rules.course.sessions.every((id) => cells.get(id)?.status === 'complete') &&
    hours + 1e-9 >= rules.course.minimumCredit;
  const code = input.code ? normalCode(input.code) : null;
  return {
    found: true,
    number: input.number,
    records,
    name: p.name,
    unit: p.unit,
    venue: p.venue,
    course: {
      packId: report.pack.id,
      version: p.packVersion,
      title: input.language ? titleIn(report.pack.titles, input.language, report.pack.title) : report.pack.title,
    },
    exportedAt: p.exportedAt,
    file: p.file,
    courseComplete,
    credit: { hours, grants: rules.grantsCredit },
    codeMatches: code === null ? null : code === p.code,
  };
}

/** As printed: two groups of five joined by a dash (typed without it, too). */
const normalCode = (code: string): string => {
  const bare = code.replace(/-/g, '');
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
};
