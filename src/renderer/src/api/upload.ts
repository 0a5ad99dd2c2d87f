import { call } from './client';

const CHUNK = 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends a file in 1 MiB chunks (same calls in both hosts), reporting the fraction sent. */
export async function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  const { uploadId } = await call('library.uploadBegin', { fileName: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
    await call('library.uploadChunk', { uploadId, offset, data: toBase64(bytes) });
    onProgress(Math.min(1, (offset + bytes.length) / file.size));
  }
  return uploadId;
}
