import { bridge } from '../api/transport';
import { browserHost } from './browser';
import { electronHost } from './electron';
import type { Host } from './types';

export type { FilePurpose, Host, PickedUpload, SaveRequest, SaveResult } from './types';

const b = bridge();
/** Chosen once at start-up, like the transport: the preload bridge in Electron, the browser otherwise. */
export const host: Host = b ? electronHost(b) : browserHost;
