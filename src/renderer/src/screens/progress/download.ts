import { host, type SaveResult } from '../../host';

/** Exports go through the host: a native save dialog in Electron, a download in the browser. */
export const saveText = (file: { fileName: string; mimeType: string; content: string }): Promise<SaveResult> =>
  host.save(file);

export const saveBase64 = (file: { fileName: string; mimeType: string; base64: string }): Promise<SaveResult> =>
  host.save(file);

/** Electron prints to a PDF file; the browser opens its print dialog. */
export const printPage = (fileName: string): Promise<SaveResult> => host.print(fileName);
