// Loaded with --require into the fake utility process: gives it Electron's `process.parentPort`
// (messages arrive as MessageEvent-like { data, ports }) over the fork's structured-clone channel.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded with --require */
const { EventEmitter } = require('node:events');

const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
port.start = () => undefined;
process.on('message', (data) => port.emit('message', { data, ports: [] }));
Object.defineProperty(process, 'parentPort', { value: port });
