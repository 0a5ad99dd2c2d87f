import type Database from 'better-sqlite3';
import type { Language } from '../../shared/contract/app';
import type { RecordFormat, StudyRecord, TextFile } from '../../shared/contract/records';
import { packSummary } from '../library/summary';
import { ledger } from '../study/ledger';
import { packRules } from '../study/pack-rules';
import { overview } from '../study/session';
import { isoNow, type Clock } from '../time';
import { installation } from './identity';
import type { KeyProtector } from './key-protector';
import { courseCompletedAt } from './course';
import { buildRecord, signedRecordText, signRecord } from './record';
import { recordCsv } from './record-csv';
import { packTitles } from './titles';
import { xapiStatements } from './xapi';
import { packQuestions, submittedAnswers, submittedAttempts } from './xapi-data';

export interface ExportRequest {
  db: Database.Database;
  clock: Clock;
  profileId: number;
  packId: string;
  format: RecordFormat;
  language: Language;
  keyProtector?: KeyProtector | undefined;
}

/**
 * A file name that survives every file system and USB stick: the participant's name (letters and
 * digits of any script), the export time and the start of the installation id, so two people of
 * the same name exporting the same minute still get different files in a venue's folder.
 */
function fileName(prefix: string, r: StudyRecord, ext: string): string {
  const name = r.participant.name.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 40) || 'participant';
  const stamp = r.exportedAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${prefix}-${name}-${stamp}-${r.installation.id.slice(0, 8)}.${ext}`;
}

/**
 * The participant's completion record in one of three formats, all from the same signed record,
 * whose summary and ledger come from the queries the screens use; titles in the UI language.
 */
export function exportRecord(req: ExportRequest): TextFile {
  const { db, profileId, packId } = req;
  const inst = installation(db, req.clock, req.keyProtector);
  const language = req.language;
  const credit = ledger(db, profileId, packId, language);
  const record = buildRecord(
    { db, installation: inst, profileId, packId, at: isoNow(req.clock), language },
    overview(db, profileId, packId, language),
    credit,
  );
  switch (req.format) {
    case 'json':
      return {
        fileName: fileName('study-record', record, 'json'),
        mimeType: 'application/json',
        content: signedRecordText(signRecord(record, inst.privateKeyPem)),
      };
    case 'csv':
      return {
        fileName: fileName('study-record', record, 'csv'),
        mimeType: 'text/csv;charset=utf-8',
        content: recordCsv(record, req.language),
      };
    case 'xapi': {
      const statements = xapiStatements({
        record,
        language: packSummary(db, packId).language,
        attempts: submittedAttempts(db, profileId, packId),
        answers: submittedAnswers(db, profileId, packId),
        questions: packQuestions(db, packId),
        titles: packTitles(db, packId),
        grantsCredit: credit.grantsCredit,
        courseCompletedAt: courseCompletedAt(packRules(db, packId), credit),
      });
      return {
        fileName: fileName('xapi-statements', record, 'json'),
        mimeType: 'application/json',
        content: JSON.stringify(statements, null, 2),
      };
    }
  }
}
