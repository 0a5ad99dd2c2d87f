import type { RecordFile, VenueReport } from '../../../../shared/contract/venue';
import { MAX_RECORD_CHARS } from '../../../../shared/records';
import { call } from '../../api/client';

/** 200 files (a few hundred KB) per call: each call is short, so the progress bar moves smoothly. */
const BATCH_FILES = 200;
/** And never more text than this per call (the browser host accepts 16 MB bodies). */
const BATCH_CHARS = 2_000_000;

export interface ImportProgress {
  done: number;
  total: number;
}

const label = (f: File) => f.webkitRelativePath || f.name;

async function read(f: File): Promise<RecordFile> {
  // A record is a few KB; a huge file is reported by name instead of being read and sent.
  if (f.size > MAX_RECORD_CHARS) return { name: label(f), tooLarge: true, size: f.size };
  return { name: label(f), content: await f.text() };
}

/** The next batch: up to BATCH_FILES files and about BATCH_CHARS of text, starting at `from`. */
function nextBatch(files: File[], from: number): File[] {
  const batch: File[] = [];
  let chars = 0;
  while (from + batch.length < files.length && batch.length < BATCH_FILES && chars < BATCH_CHARS) {
    const f = files[from + batch.length]!;
    batch.push(f);
    chars += Math.min(f.size, MAX_RECORD_CHARS) || 1;
  }
  return batch;
}

/**
 * Sends record files to the core in batches (venue.begin → venue.addBatch … → venue.finish).
 * Each batch is read only when due, and the next one is read while the core checks the current
 * one, so memory stays flat, the two halves of the work overlap, and the window stays responsive
 * between calls however many files there are.
 */
export async function importRecords(
  files: File[],
  opts: { packId?: string; roster?: File; onProgress: (p: ImportProgress) => void },
): Promise<VenueReport> {
  const { importId } = await call('venue.begin', opts.packId ? { packId: opts.packId } : {});
  let done = 0;
  opts.onProgress({ done, total: files.length });
  let batch = nextBatch(files, 0);
  let reading = Promise.all(batch.map(read));
  while (batch.length) {
    const contents = await reading;
    const following = nextBatch(files, done + batch.length);
    reading = Promise.all(following.map(read));
    reading.catch(() => undefined); // awaited next round; this only stops an "unhandled" report if we stop early
    await call('venue.addBatch', { importId, files: contents });
    done += batch.length;
    opts.onProgress({ done, total: files.length });
    batch = following;
  }
  const roster = opts.roster ? await rosterFile(opts.roster) : undefined;
  return call('venue.finish', roster === undefined ? { importId } : { importId, roster });
}

/** The roster's bytes as they are (the core detects GBK, UTF-16 or XLSX), base64 for the contract. */
export async function rosterFile(file: File): Promise<{ name: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(binary) };
}

/** From a picked folder only .json files are records; the rest (a roster, desktop.ini) is counted. */
export function recordFilesOf(list: FileList | null, fromFolder: boolean): { files: File[]; skipped: number } {
  const all = Array.from(list ?? []);
  if (!fromFolder) return { files: all, skipped: 0 };
  const files = all.filter((f) => f.name.toLowerCase().endsWith('.json'));
  return { files, skipped: all.length - files.length };
}
