import type Database from 'better-sqlite3';
import {
  RECORD_VERSION,
  recordSessionSchema,
  studyRecordSchema,
  type StudyRecord,
} from '../../shared/contract/records';
import type { Overview } from '../../shared/contract/study';
import { AppError } from '../../shared/errors';
import { signBytes } from '../packs/keys';
import type { Ledger } from '../../shared/contract/watch';
import { ledger } from '../study/ledger';
import { overview } from '../study/session';
import type { Installation } from './identity';
import { canonicalJson } from './canonical';
import { gatherEvidence } from './evidence';

export interface RecordContext {
  db: Database.Database;
  installation: Installation;
  profileId: number;
  packId: string;
  at: string;
  /** The participant's UI language: titles of the pack and its sessions in it, when the pack has it. */
  language?: string;
}

export interface Participant {
  profileId: number;
  name: string;
  unit: string;
  venue: string;
}

export function participant(db: Database.Database, profileId: number): Participant {
  const row = db.prepare('SELECT id, name, unit, venue FROM profiles WHERE id = ?').get(profileId) as
    { id: number; name: string; unit: string; venue: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No profile with id ${profileId}.`, { reason: 'profile.notFound' });
  return { profileId: row.id, name: row.name, unit: row.unit, venue: row.venue };
}

/**
 * The record is built from `overview` (and so from sessionProgress), the same numbers the home and
 * "My progress" screens show, and its ledger from `ledger`, the query the 学时 ledger shows.
 * Parsing through the frozen schema drops fields a later app version adds to its progress rows,
 * so the signed shape only changes with a new record version. The evidence beside the summary is
 * what a venue recomputes the summary from (core/venue/rederive.ts).
 */
export function buildRecord(
  ctx: RecordContext,
  data: Overview = overview(ctx.db, ctx.profileId, ctx.packId, ctx.language),
  credit: Ledger = ledger(ctx.db, ctx.profileId, ctx.packId, ctx.language),
) {
  const record: StudyRecord = {
    format: 'study-record',
    version: RECORD_VERSION,
    installation: { id: ctx.installation.id, publicKey: ctx.installation.publicKey },
    participant: participant(ctx.db, ctx.profileId),
    pack: { id: data.pack.id, version: data.pack.version, title: data.pack.title },
    exportedAt: ctx.at,
    sessions: data.sessions.map((s) => recordSessionSchema.parse(s)),
    overall: data.overall,
    evidence: gatherEvidence(ctx.db, ctx.profileId, ctx.packId),
    ledger: {
      sessions: credit.sessions.map((s) => ({
        id: s.id,
        readingSeconds: s.readingSeconds,
        watchingSeconds: s.watchingSeconds,
        credit: s.credit,
      })),
      totalCredit: credit.totalCredit,
    },
  };
  return studyRecordSchema.parse(record);
}

/** `{ record, signature }`, written as canonical JSON with no whitespace: see signedRecordText. */
export function signRecord(record: StudyRecord, privateKeyPem: string): { record: StudyRecord; signature: string } {
  return { record, signature: signBytes(Buffer.from(canonicalJson(record), 'utf8'), privateKeyPem) };
}

/**
 * The file text is itself canonical JSON: one line, no spaces, no trailing newline. Verification
 * requires exactly this text, so changing any one character of the file is caught, even where
 * the parsed values would come out equal.
 */
export const signedRecordText = (signed: { record: StudyRecord; signature: string }): string => canonicalJson(signed);
