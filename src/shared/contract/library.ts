import { z } from 'zod';
import { call } from './define';
import { packSummarySchema } from './study';

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
      size: z
        .number()
        .int()
        .positive()
        .max(512 * 1024 * 1024),
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
};
