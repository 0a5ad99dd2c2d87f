import type { StudyBridge } from '../../../shared/bridge';
import type { Host } from './types';

/** The desktop host: every capability is a native dialog and a file operation in the main process. */
export function electronHost(bridge: StudyBridge): Host {
  const h = bridge.host;
  return {
    kind: 'electron',
    pickPack: async (onProgress) => {
      const picked = await h.openPack();
      // Opened where it lies: nothing to send, so the whole file is "there" at once.
      if (picked) onProgress(1);
      return picked;
    },
    pickFiles: async (purpose) => {
      const picked = await h.openFiles(purpose);
      if (!picked) return null;
      const files = picked.files.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
      return { files, skipped: picked.skipped };
    },
    save: (file) => h.saveFile(file),
    print: (fileName) => h.printToPdf(fileName),
  };
}
