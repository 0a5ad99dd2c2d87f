import type { FilePurpose, PickedUpload, SaveRequest, SaveResult } from '../../../shared/bridge';

export type { FilePurpose, PickedUpload, SaveRequest, SaveResult };

/**
 * What differs between the desktop window and the browser host, in one interface: screens call
 * these and never ask which host they run in. Electron: native dialogs, files read and written by
 * the main process, printToPDF. Browser: a file input, a streamed upload, a download, print().
 */
export interface Host {
  kind: 'electron' | 'browser';
  /** Lets the participant choose a .studypack and hands it to the core; null when cancelled. */
  pickPack(onProgress: (fraction: number) => void): Promise<PickedUpload | null>;
  /** Venue files (records, a folder of records, a roster); null when cancelled. */
  pickFiles(purpose: FilePurpose): Promise<{ files: File[]; skipped: number } | null>;
  /** Saves an export where the participant says (Electron) or as a download (browser). */
  save(file: SaveRequest): Promise<SaveResult>;
  /** The printable page as PDF (Electron) or through the browser's print dialog. */
  print(fileName: string): Promise<SaveResult>;
}
