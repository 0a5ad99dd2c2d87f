import { bridge } from '../../api/transport';

/**
 * Saves a file the way both hosts support: a Blob and a temporary <a download>. Electron shows
 * its save dialog, the browser its download; no host capability is needed.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download before it starts in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const saveText = (file: { fileName: string; mimeType: string; content: string }) =>
  saveBlob(new Blob([file.content], { type: file.mimeType }), file.fileName);

export function saveBase64(file: { fileName: string; mimeType: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

/** Electron prints to a PDF file through its host capability; the browser opens its print dialog. */
export async function printPage(fileName: string): Promise<void> {
  const host = bridge()?.host;
  if (host) await host.printToPdf(fileName);
  else window.print();
}
