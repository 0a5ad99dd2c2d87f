import { z } from 'zod';
import { call } from './define';
import { packSummarySchema } from './study';
import { mediaProgressSchema } from './watch';

const mediaEntrySchema = z.object({
  path: z.string(),
  kind: z.enum(['video', 'audio', 'pdf', 'image']),
  title: z.string(),
  mime: z.string(),
  size: z.number().int(),
  url: z.string(),
  duration: z.number().nullable(),
  captions: z.array(z.object({ language: z.string(), label: z.string().nullable(), url: z.string() })),
  chapters: z.array(z.object({ start: z.number(), title: z.string(), keyPoints: z.array(z.string()) })),
  /** The participant's watching so far (video and audio; null for slides and pictures). */
  progress: mediaProgressSchema.nullable(),
});
export type MediaEntry = z.infer<typeof mediaEntrySchema>;

const base64 = z
  .string()
  .max(12_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const libraryCalls = {
  'library.list': call(
    z.object({}),
    z.object({ packs: z.array(packSummarySchema), activePackId: z.string().nullable() }),
  ),
  'library.activate': call(z.object({ packId: z.string().min(1).max(64) }), z.object({ activePackId: z.string() })),
  /** Uploads travel in chunks so the renderer can show a progress bar for large packs. */
  'library.uploadBegin': call(
    z.object({
      fileName: z.string().min(1).max(255),
      size: z.number().int().positive().max(0xffff_ffff), // packs with media reach gigabytes; the verifier's limits apply to the file
    }),
    z.object({ uploadId: z.string() }),
  ),
  'library.uploadChunk': call(
    z.object({ uploadId: z.string().uuid(), offset: z.number().int().min(0), data: base64 }),
    z.object({ received: z.number().int() }),
  ),
  /** The participant declined (trust, downgrade): the kept upload is removed now, not at restart. */
  'library.uploadDiscard': call(z.object({ uploadId: z.string().uuid() }), z.object({ discarded: z.boolean() })),
  'library.import': call(
    z.object({
      uploadId: z.string().uuid(),
      trustPublisher: z.boolean().default(false),
      allowDowngrade: z.boolean().default(false),
    }),
    z.object({
      pack: packSummarySchema,
      previousVersion: z.string().nullable(),
      archivedItems: z.number().int(),
    }),
  ),
  /** Polled while `library.import` runs: bytes read of the file, and what the pack will take on disk. */
  'library.importProgress': call(
    z.object({ uploadId: z.string().uuid() }),
    z.object({
      phase: z.enum(['idle', 'checking', 'copying', 'installing', 'done', 'failed', 'cancelled']),
      bytesDone: z.number().int().min(0),
      bytesTotal: z.number().int().min(0),
      diskBytes: z.number().int().min(0),
      mediaCount: z.number().int().min(0),
      elapsedMs: z.number().min(0),
    }),
  ),
  /** Stops a running import; it removes everything it staged. Also drops an upload waiting for an answer. */
  'library.importCancel': call(z.object({ uploadId: z.string().uuid() }), z.object({ cancelled: z.boolean() })),
  /**
   * A session's media (format-2 packs). Each file is served by both hosts at `/media/<sha256>.<ext>`
   * (relative to the app's page: http://127.0.0.1:port/ in the browser host, app://study/ in Electron),
   * with byte ranges.
   */
  'media.list': call(
    z.object({ packId: z.string().min(1).max(64).optional(), sessionId: z.string().min(1).max(64) }),
    z.object({ items: z.array(mediaEntrySchema) }),
  ),
};
