/** What the preload script puts on `window` (Electron only). The browser host has no bridge. */
export interface StudyBridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  /** Host capabilities only Electron has. */
  host: {
    kind: 'electron';
    printToPdf(fileName: string): Promise<{ saved: boolean; path?: string }>;
  };
}

export const BRIDGE_KEY = 'studyBridge';
export const IPC_CHANNEL_PREFIX = 'api:';
export const IPC_PRINT_TO_PDF = 'host:printToPdf';
