import { contextBridge, ipcRenderer } from 'electron';
import type { HostChannel, StudyBridge } from '../shared/bridge';

/**
 * The only thing the sandboxed page gets: invoke() for API calls (no raw ipcRenderer), and the
 * host capabilities. A sandboxed preload can load nothing but `electron`, so this file imports
 * nothing else at run time (lint refuses it; tests/unit/shell checks the built file): the
 * constants below are repeated from src/shared/bridge.ts, and the shell smoke test fails if they
 * drift. Which calls exist is main's business: it registers a handler for contract names only,
 * and an invoke on any other channel is rejected by Electron itself.
 */
const BRIDGE_KEY = 'studyBridge';
const CALL_PREFIX = 'api:';
const NAME = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

const host = (channel: HostChannel, ...args: unknown[]) => ipcRenderer.invoke(`host:${channel}`, ...args);

const bridge: StudyBridge = {
  invoke: (name, input) => {
    if (typeof name !== 'string' || !NAME.test(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CALL', message: `Unknown call "${String(name)}".` },
      });
    }
    return ipcRenderer.invoke(CALL_PREFIX + name, input);
  },
  host: {
    kind: 'electron',
    openPack: () => host('openPack'),
    openFiles: (purpose) => host('openFiles', purpose),
    saveFile: (request) => host('saveFile', request),
    printToPdf: (fileName) => host('printToPdf', fileName),
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
