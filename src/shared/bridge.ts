/** A file the participant chose, already handed to the core as an upload (no bytes through IPC). */
export interface PickedUpload {
  uploadId: string;
  fileName: string;
  size: number;
}

/** A file to save where the participant says: text, or binary as base64 (XLSX). */
export interface SaveRequest {
  fileName: string;
  mimeType: string;
  content?: string;
  base64?: string;
}

export interface SaveResult {
  saved: boolean;
  path?: string;
}

/** What the participant is choosing files for: the open dialog's title and filters follow. */
export type FilePurpose = 'records' | 'recordsFolder' | 'roster';

/** Files the Electron main process read after its open dialog (venue records, a roster). */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** What the preload script puts on `window` (Electron only). The browser host has no bridge. */
export interface StudyBridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  /** Host capabilities only Electron has: native dialogs and files written by main. */
  host: {
    kind: 'electron';
    openPack(): Promise<PickedUpload | null>;
    openFiles(purpose: FilePurpose): Promise<{ files: PickedFile[]; skipped: number } | null>;
    saveFile(request: SaveRequest): Promise<SaveResult>;
    printToPdf(fileName: string): Promise<SaveResult>;
  };
}

/** The host capability channels main registers (`host:<name>`); the preload repeats these names. */
export const hostChannels = ['openPack', 'openFiles', 'saveFile', 'printToPdf'] as const;
export type HostChannel = (typeof hostChannels)[number];

export const BRIDGE_KEY = 'studyBridge';
export const IPC_CHANNEL_PREFIX = 'api:';
export const IPC_HOST_PREFIX = 'host:';
