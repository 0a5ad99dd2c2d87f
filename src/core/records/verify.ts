import { z } from 'zod';
import { RECORD_VERSION, signedRecordSchema, studyRecordSchema, type StudyRecord } from '../../shared/contract/records';
import type { RejectReason } from '../../shared/contract/venue';
import { verifySignature } from '../packs/keys';
import { canonicalJson } from './canonical';
import { installationIdFor } from './identity';

export type Verified =
  | { ok: true; record: StudyRecord }
  | { ok: false; reason: RejectReason; detail: string; key?: string; values?: Record<string, string | number> };

const issue = (e: z.ZodError): string => {
  const first = e.issues[0];
  return first ? `${first.path.map(String).join('.') || '(file)'}: ${first.message}` : 'invalid';
};

/**
 * Checks one record file completely, in the order that gives the most useful reason: JSON, shape,
 * the installation id belongs to the embedded key, then the signature over the canonical JSON of
 * the record exactly as parsed (not as zod returns it: zod drops unknown keys, and those are
 * signed too), and last that the text is exactly as exported. Pack checks are the venue's (they
 * depend on what is installed there).
 */
export function verifyRecordText(text: string): Verified {
  // An editor may add a BOM or a final newline on save; neither can come from changing a character.
  const body = text.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return { ok: false, reason: 'bad-json', detail: (e as Error).message };
  }
  const envelope = signedRecordSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: 'schema', detail: issue(envelope.error) };
  const version = (envelope.data.record as { version?: unknown }).version;
  if (envelope.data.record.format === 'study-record' && version !== RECORD_VERSION && typeof version === 'number') {
    // Version 1 carried only a summary; a venue re-derives, so it cannot accept one (see security.md).
    const older = version < RECORD_VERSION;
    return {
      ok: false,
      reason: 'old-format',
      key: older ? 'venue.record.olderFormat' : 'venue.record.newerFormat',
      values: { version, current: RECORD_VERSION },
      detail: older
        ? `record format version ${version} has no evidence to check; the participant should update the app and export again`
        : `record format version ${version} is newer than this app reads (${RECORD_VERSION}); update the venue's app`,
    };
  }
  const parsed = studyRecordSchema.safeParse(envelope.data.record);
  if (!parsed.success) return { ok: false, reason: 'schema', detail: `record.${issue(parsed.error)}` };
  const { id, publicKey } = parsed.data.installation;
  if (installationIdFor(publicKey) !== id) {
    return { ok: false, reason: 'identity', detail: 'the installation id does not belong to the public key' };
  }
  const signedText = canonicalJson((raw as { record: unknown }).record);
  const { signature } = envelope.data;
  if (!verifySignature(Buffer.from(signedText, 'utf8'), publicKey, signature)) {
    return { ok: false, reason: 'signature', detail: 'the record was changed after it was signed' };
  }
  // Exported files are canonical JSON (keys "record" < "signature"). Requiring exactly that text
  // catches edits that leave the parsed values equal, e.g. a changed 17th digit of a fraction.
  if (`{"record":${signedText},"signature":${JSON.stringify(signature)}}` !== body) {
    return { ok: false, reason: 'signature', detail: 'the file was edited after export (not as it was written)' };
  }
  return { ok: true, record: parsed.data };
}
