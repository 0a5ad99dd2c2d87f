import type Database from 'better-sqlite3';
import type { libraryCalls } from '../../shared/contract/library';
import type { studyCalls } from '../../shared/contract/study';
import { AppError } from '../../shared/errors';
import { alignedTranslationText } from '../../shared/pack/aligned';
import type { AlignedTranslation } from '../../shared/pack/schema';
import { packLanguages } from '../library/translations';
import { overview, sessionDetail, wording } from '../study/session';
import { sessionMedia } from '../library/media-list';
import { search } from '../study/search';
import { sessionWatching } from '../study/watching';
import { markKeyPoint, saveNote, saveReading } from '../study/writes';
import type { Handlers } from './types';

const shownOwn = (db: Database.Database, packId: string): string =>
  (db.prepare('SELECT language FROM packs WHERE id = ?').get(packId) as { language: string }).language;

export const studyHandlers: Handlers<keyof typeof studyCalls | keyof typeof libraryCalls> = {
  'course.overview': ({ packId, language }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return overview(core.db, s.profileId, s.packId, language);
  },
  'session.get': ({ packId, sessionId, language }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return sessionDetail(core.db, s.profileId, s.packId, sessionId, language);
  },
  'source.get': ({ packId, language }, core) => {
    const id = core.library.resolve(packId);
    const row = core.db.prepare('SELECT title, source_text FROM packs WHERE id = ?').get(id) as {
      title: string;
      source_text: string | null;
    };
    if (row.source_text === null)
      throw new AppError('NOT_FOUND', 'This pack has no source text.', { reason: 'library.noSource' });
    const w = wording(core.db, id, language);
    const t = w.translated
      ? (core.db
          .prepare('SELECT title, aligned_source FROM pack_translations WHERE pack_id = ? AND language = ?')
          .get(id, w.language) as { title: string; aligned_source: string | null })
      : null;
    if (t?.aligned_source) {
      const aligned = JSON.parse(t.aligned_source) as AlignedTranslation;
      return {
        packId: id,
        title: t.title,
        text: alignedTranslationText(aligned),
        language: w.language,
        notice: w.notice,
        languages: packLanguages(core.db, id),
      };
    }
    return {
      packId: id,
      title: row.title,
      text: row.source_text,
      language: shownOwn(core.db, id),
      notice: null,
      languages: packLanguages(core.db, id),
    };
  },
  'reading.save': (input, core, ctx) => {
    const s = core.scope(ctx.clientId, input.packId);
    saveReading(core.db, { ...s, sessionId: input.sessionId }, input);
    return { savedAt: s.at };
  },
  'keypoint.mark': (input, core, ctx) => {
    const s = core.scope(ctx.clientId, input.packId);
    return {
      reviewedAt: markKeyPoint(core.db, { ...s, sessionId: input.sessionId }, input.keyPointId, input.reviewed),
    };
  },
  'note.save': (input, core, ctx) => {
    const s = core.scope(ctx.clientId, input.packId);
    saveNote(core.db, { ...s, sessionId: input.sessionId }, input.text);
    return { savedAt: s.at };
  },
  'search.query': (input, core, ctx) => {
    const s = core.scope(ctx.clientId, input.packId);
    return search(core.db, s.profileId, s.packId, input.query, input.language);
  },
  'library.list': (_, core) => core.library.list(),
  'library.activate': ({ packId }, core) => ({ activePackId: core.library.activate(packId) }),
  'library.uploadBegin': ({ fileName, size }, core) => ({ uploadId: core.uploads.begin(fileName, size) }),
  'library.uploadChunk': ({ uploadId, offset, data }, core) => ({
    received: core.uploads.append(uploadId, offset, Buffer.from(data, 'base64')),
  }),
  'library.uploadDiscard': ({ uploadId }, core) => ({ discarded: core.uploads.discard(uploadId) }),
  'library.import': ({ uploadId, trustPublisher, allowDowngrade }, core) =>
    core.library.importUpload(uploadId, { trustPublisher, allowDowngrade }),
  'library.importProgress': ({ uploadId }, core) => core.library.importProgress(uploadId),
  'library.importCancel': ({ uploadId }, core) => core.library.cancelImport(uploadId),
  'media.list': ({ packId, sessionId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return {
      items: sessionMedia(core.db, s.packId, sessionId, sessionWatching(core.db, s.profileId, s.packId, sessionId)),
    };
  },
};
