import type { Reply } from '../../../shared/errors';
import { ApiCallError } from '../api/client';
import type { FilePurpose, Host, PickedUpload } from './types';

/** Opens the browser's file chooser; resolves with the chosen files, or null on Cancel. */
function chooseFiles(options: { accept?: string; multiple?: boolean; folder?: boolean }): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (options.accept) input.accept = options.accept;
    input.multiple = !!options.multiple;
    if (options.folder) input.webkitdirectory = true;
    input.addEventListener('change', () => resolve(input.files?.length ? Array.from(input.files) : null), {
      once: true,
    });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/**
 * The pack as the raw request body of POST /upload: the browser streams the file from disk and the
 * host streams it to disk, so neither side holds it in memory. XMLHttpRequest because fetch() does
 * not report upload progress.
 */
function upload(file: File, onProgress: (fraction: number) => void): Promise<PickedUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/upload');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const reply = xhr.response as Reply<PickedUpload> | null;
      if (reply?.ok) resolve(reply.value);
      else reject(new ApiCallError(reply ? reply.error : unreachable));
    };
    xhr.onerror = () => reject(new ApiCallError(unreachable));
    xhr.send(file);
  });
}

const unreachable = {
  code: 'INTERNAL' as const,
  message: 'The app is not responding. Is the host still running?',
  detail: { reason: 'host.unreachable' },
};

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel the download before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** From a picked folder only .json files are records; the rest (a roster, desktop.ini) is counted. */
function forPurpose(files: File[], purpose: FilePurpose): { files: File[]; skipped: number } {
  if (purpose !== 'recordsFolder') return { files, skipped: 0 };
  const records = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  return { files: records, skipped: files.length - records.length };
}

export const browserHost: Host = {
  kind: 'browser',
  pickPack: async (onProgress) => {
    const [file] = (await chooseFiles({ accept: '.studypack' })) ?? [];
    if (!file) return null;
    // At once, so the screen leaves the previous result behind as soon as a file is chosen.
    onProgress(0);
    return upload(file, onProgress);
  },
  pickFiles: async (purpose) => {
    const files = await chooseFiles({
      accept: purpose === 'roster' ? '.csv,.txt,.xlsx' : purpose === 'records' ? '.json' : undefined,
      multiple: purpose === 'records',
      folder: purpose === 'recordsFolder',
    });
    return files ? forPurpose(files, purpose) : null;
  },
  save: (file) => {
    const body = file.base64 !== undefined ? base64Bytes(file.base64) : (file.content ?? '');
    saveBlob(new Blob([body], { type: file.mimeType }), file.fileName);
    return Promise.resolve({ saved: true });
  },
  print: () => {
    window.print();
    return Promise.resolve({ saved: false });
  },
};
