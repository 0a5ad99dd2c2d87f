import { z } from 'zod';
import { languageTag } from '../pack/schema';
import { call } from './define';

import { languages } from '../languages';

export { languages, type Language } from '../languages';
export const languageSchema = z.enum(languages);

export const settingsSchema = z.object({
  /** null: follow the system locale (Chinese on a Chinese system). */
  language: languageSchema.nullable(),
  /** Text size multiplier for older eyes. */
  textScale: z.number().min(0.8).max(2),
  /** Language of the course content; null: the UI language when the pack has it, else the pack's own. */
  contentLanguage: languageTag.nullable(),
  /** The reader shows the content language beside the pack's other language (中英对照). */
  sideBySide: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const noticeSchema = z.object({
  code: z.enum([
    'DB_RESTORED',
    'DB_RESET_NO_BACKUP',
    'PACK_FILE_DAMAGED',
    'DB_WAL_DAMAGED',
    'PACK_CONTENT_REPAIRED',
    'PACK_CONTENT_ALTERED',
  ]),
  message: z.string(),
  at: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const appCalls = {
  'app.info': call(
    z.object({}),
    z.object({
      name: z.string(),
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      builtinPublisher: z.object({ name: z.string(), fingerprint: z.string() }).nullable(),
      notices: z.array(noticeSchema),
    }),
  ),
  'app.dismissNotices': call(z.object({}), z.object({ dismissed: z.number().int() })),
  'settings.get': call(z.object({}), settingsSchema),
  'settings.set': call(settingsSchema.partial(), settingsSchema),
};
