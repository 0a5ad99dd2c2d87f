import { createHash } from 'node:crypto';

/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of namespace + name). Deterministic ids let a venue
 * check that an installation id belongs to its key, and give an exported xAPI statement the same
 * id every time it is exported, so a learning record store sees a re-export as the same statement.
 */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new TypeError('uuidV5: namespace must be a UUID');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Fixed namespaces of this app (random once, never to change: ids derived from them are stored). */
export const INSTALLATION_NAMESPACE = '0c6a3d52-5d0e-4f7e-9b1a-7c2f4e8d9a31';
export const STATEMENT_NAMESPACE = 'a8f1c2d4-3b6e-4a59-8d7c-1e2f3a4b5c6d';
