import type { libraryCalls } from '../../shared/contract/library';
import type { studyCalls } from '../../shared/contract/study';
import { AppError } from '../../shared/errors';
import { overview, sessionDetail } from '../study/session';
import { search } from '../study/search';
import { markKeyPoint, saveNote, saveReading } from '../study/writes';
import type { Handlers } from './types';

export const studyHandlers: Handlers<keyof typeof studyCalls | keyof typeof libraryCalls> = {
  'course.overview': ({ packId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return overview(core.db, s.profileId, s.packId);
  },
  'session.get': ({ packId, sessionId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return sessionDetail(core.db, s.profileId, s.packId, sessionId);
  },
  'source.get': ({ packId }, core) => {
    const id = core.library.resolve(packId);
    const row = core.db.prepare('SELECT title, source_text FROM packs WHERE id = ?').get(id) as {
      title: string;
      source_text: string | null;
    };
    if (row.source_text === null) throw new AppError('NOT_FOUND', 'This pack has no source text.');
    return { packId: id, title: row.title, text: row.source_text };
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
    return search(core.db, s.profileId, s.packId, input.query);
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
};
