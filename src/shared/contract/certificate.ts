import { z } from 'zod';
import { stableId } from '../pack/schema';
import { languageSchema } from './app';
import { call } from './define';

/**
 * The certificate of completion (结业证书) a participant prints once the pack's course rule is met.
 * Its number and verification code are the signed record's (records.printInfo): a venue holding
 * the participant's record file finds the same number and, for the same study, the same code.
 */
export const certificateSchema = z.object({
  /** The record number: installation and profile (core/records/verification.ts). */
  number: z.string(),
  /** A hash of the study evidence: it changes when more study is recorded after printing. */
  verificationCode: z.string(),
  name: z.string(),
  unit: z.string(),
  venue: z.string(),
  course: z.object({ packId: z.string(), version: z.string(), title: z.string() }),
  /** The sessions the course rule asks for, in pack order, with the time each was completed. */
  sessions: z.array(z.object({ id: z.string(), ord: z.number().int(), title: z.string(), completedAt: z.string() })),
  /** Total 学时 earned in the pack; `grants` false when the pack counts none (no credit line then). */
  credit: z.object({ hours: z.number().min(0), grants: z.boolean() }),
  /** When the course rule was first met: the latest completion among its sessions. */
  issuedAt: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;

/** What the venue learns about a certificate number from the record files it has imported. */
export const certificateCheckSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(false), number: z.string(), records: z.number().int() }),
  z.object({
    found: z.literal(true),
    number: z.string(),
    records: z.number().int(),
    name: z.string(),
    unit: z.string(),
    venue: z.string(),
    course: z.object({ packId: z.string(), version: z.string(), title: z.string() }),
    exportedAt: z.string(),
    file: z.string(),
    /** Re-derived by the venue from the record's evidence, not read from the record's summary. */
    courseComplete: z.boolean(),
    credit: z.object({ hours: z.number().min(0), grants: z.boolean() }),
    /** null when no code was given; false when the record file holds other (usually later) study. */
    codeMatches: z.boolean().nullable(),
  }),
]);
export type CertificateCheck = z.infer<typeof certificateCheckSchema>;

/** Record numbers as printed: eight letters or digits, a dash, four digits. Case and spaces forgiven. */
const number = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-F]{8}-\d{4,}$/);
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{5}-?[0-9A-Z]{5}$/);

export const certificateCalls = {
  /** The active participant's certificate for the pack, or null while the course rule is not met. */
  'certificate.get': call(
    z.object({ packId: stableId.optional(), language: languageSchema }),
    certificateSchema.nullable(),
  ),
  /** Venue: looks a certificate number up among the record files of the last import. */
  'venue.verifyCertificate': call(
    /** `language`: the venue screen's, for the course title (translated packs carry both). */
    z.object({ number, code: code.or(z.literal('')).optional(), language: languageSchema.optional() }),
    certificateCheckSchema,
  ),
};
