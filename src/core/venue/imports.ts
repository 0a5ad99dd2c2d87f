import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { RecordFile, VenueReport } from '../../shared/contract/venue';
import { AppError } from '../../shared/errors';
import type { Library } from '../library/library';
import { packQuestions } from '../quiz/questions';
import { packTitles } from '../records/titles';
import { packRules } from '../study/pack-rules';
import { isoNow, type Clock } from '../time';
import { VenueImport, type ReportPack } from './collector';
import { buildReport } from './report';
import { isEmptyRoster, loadRoster, type RosterInput } from './roster-load';

/** A venue rarely runs two imports at once; a few open ones cover a second window or tab. */
const MAX_OPEN = 4;

/**
 * Open imports and the last finished report. The report stays here, in the core, rather than
 * being sent back by the renderer for export: for 10,000 participants it is megabytes, and an
 * export made from the core's own copy is exactly what was verified and shown, not whatever a
 * caller passes in. It lives in memory only: after a restart the venue imports the files again.
 */
export class VenueImports {
  private readonly open = new Map<string, VenueImport>();
  private last: VenueReport | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly library: Library,
    private readonly clock: Clock,
  ) {}

  begin(packId?: string): { importId: string; pack: { id: string; version: string; title: string } } {
    const pack = this.reportPack(this.library.resolve(packId));
    const installed = new Set((this.db.prepare('SELECT id FROM packs').all() as { id: string }[]).map((r) => r.id));
    const importId = randomUUID();
    this.open.set(importId, new VenueImport(pack, installed));
    while (this.open.size > MAX_OPEN) this.open.delete(this.open.keys().next().value!);
    return { importId, pack: { id: pack.id, version: pack.version, title: pack.title } };
  }

  add(importId: string, files: readonly RecordFile[]) {
    const imp = this.get(importId);
    imp.add(files);
    return { received: imp.received, accepted: imp.accepted, rejected: imp.rejected.length };
  }

  async finish(importId: string, roster?: RosterInput): Promise<VenueReport> {
    const imp = this.get(importId);
    const loaded = isEmptyRoster(roster) ? null : await loadRoster(roster);
    const report = buildReport(imp, loaded, isoNow(this.clock));
    this.open.delete(importId);
    this.last = report;
    return report;
  }

  lastReport(): VenueReport {
    if (!this.last)
      throw new AppError('NOT_FOUND', 'No venue report yet: import the record files first.', {
        reason: 'venue.noReport',
      });
    return this.last;
  }

  private get(importId: string): VenueImport {
    const imp = this.open.get(importId);
    if (!imp)
      throw new AppError('NOT_FOUND', 'This import is no longer open; please start it again.', {
        reason: 'venue.importClosed',
      });
    return imp;
  }

  /**
   * The installed pack with its answer key, key points and completion and credit rules: what every
   * record is re-derived against; with its titles in every language it has, for the report.
   */
  private reportPack(packId: string): ReportPack {
    const pack = this.db.prepare('SELECT id, version, title FROM packs WHERE id = ?').get(packId) as {
      id: string;
      version: string;
      title: string;
    };
    const rows = this.db
      .prepare('SELECT id, ord, title, pass_mark AS passMark FROM sessions WHERE pack_id = ? ORDER BY ord')
      .all(packId) as { id: string; ord: number; title: string; passMark: number }[];
    const kp = this.db.prepare('SELECT id FROM key_points WHERE pack_id = ? AND session_id = ? ORDER BY ord');
    const sessions = rows.map((s) => ({
      ...s,
      keyPoints: (kp.all(packId, s.id) as { id: string }[]).map((k) => k.id),
    }));
    const titles = packTitles(this.db, packId);
    return {
      ...pack,
      titles: titles.pack,
      sessions: sessions.map((x) => ({ ...x, titles: titles.sessions.get(x.id) ?? {} })),
      questions: packQuestions(this.db, packId),
      rules: packRules(this.db, packId),
    };
  }
}

/**
 * One registry per Core, kept beside it rather than as a Core field: venue state is only needed
 * by the venue calls, and the Core class stays free of feature state.
 */
const registries = new WeakMap<object, VenueImports>();
export function venueImports(core: { db: Database.Database; library: Library; clock: Clock }): VenueImports {
  let r = registries.get(core);
  if (!r) registries.set(core, (r = new VenueImports(core.db, core.library, core.clock)));
  return r;
}
