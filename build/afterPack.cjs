// electron-builder afterPack hook: flips Electron's fuses in the packed binary, before signing
// (electron-builder signs after afterPack, so the signature covers the flipped binary).
// Electron's security checklist, item 19; docs/security.md lists what each fuse closes.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: electron-builder require()s its hooks */

const { join } = require('node:path');

/** @electron/fuses 2 (the first to know Electron's ninth fuse, WasmTrapHandlers) is ESM-only. */
const loadFuses = () => import('@electron/fuses');

/** electron-builder's Arch enum value for arm64 (builder-util: ia32 0, x64 1, armv7l 2, arm64 3, universal 4). */
const ARCH_ARM64 = 3;

/**
 * The fuse wire for a build, as a pure function of the environment so tests can check it.
 * Every fuse is set explicitly (strictlyRequireAllFuses): a future Electron with a fuse this file
 * does not know fails the build instead of shipping an unreviewed default.
 *
 * STUDY_E2E_BUILD=1 is the one escape: it keeps Node's --inspect arguments, which Playwright's
 * _electron.launch needs to drive a packaged app. Such a build is for the test machine only.
 */
function fuseConfig(env, { FuseV1Options, FuseVersion }) {
  const e2e = env.STUDY_E2E_BUILD === '1';
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other Chromium storage encrypted with an OS-level key.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS (e.g. --require evil.js) would inject code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect / --inspect-brk would let anyone attach a debugger to the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: e2e,
    // The app's asar is checked against the hash embedded at build time (macOS and Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only app.asar is loaded, never a loose resources/app folder planted next to it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // No custom V8 snapshot for the browser process.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // file:// pages get no more than a browser would give them (the app serves app:// only).
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Electron's default: V8 traps out-of-bounds WebAssembly memory access with signal handlers.
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

/** Path of the packed Electron executable (or .app bundle) electron-builder just wrote. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const fuses = await loadFuses();
  const config = fuseConfig(process.env, fuses);
  if (process.env.STUDY_E2E_BUILD === '1') {
    console.warn('  • STUDY_E2E_BUILD=1: EnableNodeCliInspectArguments stays ON. Never ship this build.');
  }
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await fuses.flipFuses(electronBinary(context), {
    ...config,
    // Apple silicon refuses to run a binary whose ad-hoc signature no longer matches.
    resetAdHocDarwinSignature: darwin && context.arch === ARCH_ARM64,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinary = electronBinary;
