import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, IPC_CHANNEL_PREFIX, IPC_PRINT_TO_PDF, type StudyBridge } from '../shared/bridge';
import { isCallName } from '../shared/contract';

/**
 * The only thing the sandboxed page gets: invoke() for names in the contract (no raw
 * ipcRenderer), and the host capabilities. Bundled into one CommonJS file, as a sandboxed
 * preload cannot require sibling files.
 */
const bridge: StudyBridge = {
  invoke: (name, input) => {
    if (!isCallName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CALL', message: `Unknown call "${name}".` } });
    }
    return ipcRenderer.invoke(IPC_CHANNEL_PREFIX + name, input);
  },
  host: {
    kind: 'electron',
    printToPdf: (fileName) => ipcRenderer.invoke(IPC_PRINT_TO_PDF, fileName),
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
