// electron-builder configuration: `npm run dist` (build + scripts/prepare-electron-native.mjs +
// electron-builder --config electron-builder.config.cjs). Needs internet (Electron zips, NSIS,
// AppImage tools), so it does not run on this project's offline build machines;
// tests/unit/hardening/builder-config.test.ts checks this file against electron-builder's own schema.
'use strict';

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'cn.studycompanion.app',
  productName: 'Study Companion',
  copyright: 'Study Companion',
  directories: { output: 'release', buildResources: 'build' },

  // Whitelist: the built app and package.json only (production node_modules are added by
  // electron-builder itself). Never src/, tests/, packs/ or .keys/ (the development signing key).
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'package.json',
    '!**/*.map',
    // Our better-sqlite3 for Electron ships in extraResources; the Node-ABI build in node_modules
    // (kept for `npm test`) must never be loadable from the packaged app.
    '!**/node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  asar: true,
  // Native code cannot be loaded from inside an asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**', '**/*.node'],

  // The Electron-ABI binding is built by scripts/prepare-electron-native.mjs (one per platform and
  // arch), so electron-builder must not rebuild node_modules against Electron itself.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,

  extraResources: [
    // The signed built-in pack and builtin.json (npm run pack:builtin); read by src/core/builtin.ts.
    { from: 'resources/builtin', to: 'builtin', filter: ['**/*'] },
    // better-sqlite3 for this build's Electron ABI and arch; src/main/index.ts loads
    // <resources>/electron-native/better_sqlite3.node through better-sqlite3's nativeBinding option.
    {
      from: 'resources/electron-native/${os}-${arch}',
      to: 'electron-native',
      filter: ['better_sqlite3.node'],
    },
  ],

  // Fuses (RunAsNode off, NODE_OPTIONS off, inspect off, cookie encryption on, asar-only with
  // integrity, no extra file:// privileges), flipped before signing.
  afterPack: './build/afterPack.cjs',

  win: {
    icon: 'resources/icons/icon.ico',
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
  },
  portable: { artifactName: '${productName}-Portable-${version}-${arch}.${ext}' },

  linux: {
    icon: 'resources/icons/png',
    category: 'Education',
    executableName: 'study-companion',
    synopsis: 'Offline study companion for the training class',
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
  },
  deb: { maintainer: 'Study Companion <study-companion@localhost>' },

  mac: {
    icon: 'resources/icons/icon.icns',
    category: 'public.app-category.education',
    target: [{ target: 'dmg' }],
    hardenedRuntime: true,
  },

  // Offline app: no auto-update feed, nothing published.
  publish: null,
};

module.exports = config;
