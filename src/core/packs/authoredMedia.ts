import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { crc32 } from 'node:zlib';
import { MEDIA_TYPES, mediaExtension } from '../../shared/pack/media';
import type { PackIssue } from './issues';
import type { PackLimits } from './limits';
import { contentMatchesExtension } from './sniff';

/** A media file of an authoring folder: streamed into the zip from disk, never read into memory. */
export interface AuthoredMediaFile {
  path: string;
  file: string;
  size: number;
  sha256: string;
  crc32: number;
}

/** Seconds of a recording; `studypack` passes one that runs ffprobe. */
export type DurationProbe = (file: string) => Promise<number>;

async function hashFile(file: string): Promise<{ sha256: string; crc32: number }> {
  const hash = createHash('sha256');
  let crc = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    crc = crc32(chunk as Buffer, crc);
  }
  return { sha256: hash.digest('hex'), crc32: crc >>> 0 };
}

async function head(file: string): Promise<Buffer> {
  const h = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await h.read(buf, 0, 64, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await h.close();
  }
}

type RawMedia = { path?: unknown; kind?: unknown; duration?: unknown };

/**
 * The media of a format-2 authoring manifest (parsed JSON, before the schema): each file must be a
 * regular file inside the folder, within the size limit, of a type a pack may carry, with content
 * that matches its extension (magic bytes). A recording without a duration gets the probed one,
 * written into `manifest` (the caller then writes the manifest it packs).
 */
export async function collectAuthoredMedia(
  root: string,
  manifest: unknown,
  limits: PackLimits,
  probe: DurationProbe | undefined,
): Promise<{ files: AuthoredMediaFile[]; issues: PackIssue[]; changed: boolean }> {
  const files: AuthoredMediaFile[] = [];
  const issues: PackIssue[] = [];
  let changed = false;
  const sessions = (manifest as { format?: unknown; sessions?: unknown }).sessions;
  if (!Array.isArray(sessions)) return { files, issues, changed };
  for (const session of sessions as Array<{ media?: unknown }>) {
    if (!Array.isArray(session?.media)) continue;
    for (const m of session.media as RawMedia[]) {
      if (typeof m?.path !== 'string') continue; // the schema reports it
      const path = m.path;
      const issue = (rule: string, message: string) => issues.push({ entry: path, rule, message });
      const full = join(root, ...path.split('/'));
      const info = await lstat(full).catch(() => null);
      if (!info) {
        issue('missing-file', 'does not exist');
        continue;
      }
      if (info.isSymbolicLink() || !info.isFile()) {
        issue('not-a-file', 'is not a regular file (links are not taken)');
        continue;
      }
      if (!(await realpath(full)).startsWith(root + sep)) {
        issue('outside-folder', 'lies outside the pack folder');
        continue;
      }
      if (info.size > limits.maxMediaEntryBytes) {
        issue('entry-too-large', `is ${info.size} bytes; the limit per media file is ${limits.maxMediaEntryBytes}`);
        continue;
      }
      const type = MEDIA_TYPES[mediaExtension(path)];
      if (!type) {
        issue('unknown-media-type', `is not a type a pack may carry (${Object.keys(MEDIA_TYPES).join(', ')})`);
        continue;
      }
      if (!contentMatchesExtension(path, await head(full))) {
        issue('media-type-mismatch', `its content is not what its extension ".${mediaExtension(path)}" says`);
        continue;
      }
      if ((type.kind === 'video' || type.kind === 'audio') && m.duration === undefined && probe) {
        try {
          m.duration = Math.round((await probe(full)) * 1000) / 1000;
          changed = true;
        } catch (e) {
          issue('duration', `its duration could not be probed (${(e as Error).message}); give "duration" in seconds`);
        }
      }
      files.push({ path, file: full, size: info.size, ...(await hashFile(full)) });
    }
  }
  return { files, issues, changed };
}
