import type { StudyRecord } from '../../shared/contract/records';
import type { RecordFile, RejectReason, VenueParticipant, VenueReport } from '../../shared/contract/venue';
import { verificationCode } from '../records/verification';
import { verifyRecordText } from '../records/verify';
import { EvidenceProblem, rederive, type Derived, type Values, type VenuePack } from './rederive';

/** The pack a report is made for: the venue's installed copy, answer key included. */
export type ReportPack = VenuePack;

interface Kept {
  row: VenueParticipant;
  time: number;
}

/**
 * One venue import in progress: files arrive in batches, each is verified once and either
 * rejected (with its reason, never dropped) or folded into a map keyed by installation + profile,
 * where the newest export wins. Constant work per file, so 10,000 files cost 10,000 steps.
 */
export class VenueImport {
  received = 0;
  accepted = 0;
  private readonly kept = new Map<string, Kept>();
  readonly rejected: VenueReport['rejected'] = [];
  readonly superseded: VenueReport['superseded'] = [];
  readonly warnings: VenueReport['warnings'] = [];

  constructor(
    readonly pack: ReportPack,
    private readonly installedPackIds: ReadonlySet<string>,
  ) {}

  add(files: readonly RecordFile[]): void {
    for (const f of files) {
      this.received++;
      this.addOne(f);
    }
  }

  participants(): VenueParticipant[] {
    return [...this.kept.values()].map((k) => k.row);
  }

  private reject(file: string, reason: RejectReason, detail: string, key?: string, values?: Values): void {
    this.rejected.push({ file, reason, detail, ...(key ? { key } : {}), ...(values ? { values } : {}) });
  }

  private addOne(f: RecordFile): void {
    if ('tooLarge' in f) return this.reject(f.name, 'too-large', `${f.size} bytes`);
    const v = verifyRecordText(f.content);
    if (!v.ok) return this.reject(f.name, v.reason, v.detail, v.key, v.values);
    const r = v.record;
    if (r.pack.id !== this.pack.id) {
      const reason = this.installedPackIds.has(r.pack.id) ? 'other-pack' : 'unknown-pack';
      return this.reject(f.name, reason, `${r.pack.id} ${r.pack.version}`);
    }
    let derived: Derived;
    try {
      derived = rederive(r, this.pack);
    } catch (e) {
      if (!(e instanceof EvidenceProblem)) throw e;
      return this.reject(f.name, 'evidence', e.message, e.reason, e.values);
    }
    this.accepted++;
    if (r.pack.version !== this.pack.version) {
      this.warnings.push({ file: f.name, code: 'pack-version', detail: `${r.pack.version} ≠ ${this.pack.version}` });
    }
    if (derived.claimedCredit !== null && Math.abs(derived.claimedCredit - derived.credit) > 1e-6) {
      // The report counts the evidence's credit; the official sees that the file claimed other.
      this.warnings.push({
        file: f.name,
        code: 'credit-claim',
        detail: `claims ${derived.claimedCredit} credit hours; its evidence gives ${derived.credit}`,
        values: { claimed: derived.claimedCredit, derived: derived.credit },
      });
    }
    const key = `${r.installation.id}\u0000${r.participant.profileId}`;
    const next: Kept = { row: this.toRow(r, derived, f.name), time: Date.parse(r.exportedAt) };
    const prev = this.kept.get(key);
    if (!prev) this.kept.set(key, next);
    else if (next.time > prev.time) {
      this.superseded.push({ file: prev.row.file, by: f.name });
      this.kept.set(key, next);
    } else this.superseded.push({ file: f.name, by: prev.row.file });
  }

  /**
   * The participant's row: who they are from the record, every number re-derived from its
   * evidence (placed under the installed pack's sessions by stable id), never the record's summary.
   */
  private toRow(r: StudyRecord, d: Derived, file: string): VenueParticipant {
    return {
      installationId: r.installation.id,
      profileId: r.participant.profileId,
      name: r.participant.name,
      unit: r.participant.unit,
      venue: r.participant.venue,
      packVersion: r.pack.version,
      exportedAt: r.exportedAt,
      file,
      code: verificationCode({
        installationId: r.installation.id,
        profileId: r.participant.profileId,
        packId: r.pack.id,
        evidence: r.evidence,
      }),
      sessions: d.cells,
      overall: d.overall,
      studySeconds: d.studySeconds,
      credit: d.credit,
    };
  }
}
