import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, PNG_SIZES, renderIcon } from '../../../build/icons.mjs';
import { repoRoot } from './support';

const require = createRequire(__filename);

interface Target {
  target: string;
  arch?: string[];
}
interface FileSet {
  from: string;
  to: string;
  filter?: string[];
}
// The parts of electron-builder's Configuration this test reads.
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  files: string[];
  extraResources: FileSet[];
  afterPack: string;
  win: { target: Target[]; icon: string };
  linux: { target: Target[]; icon: string };
  mac: { target: Target[]; icon: string };
}

const config = require(join(repoRoot, 'electron-builder.config.cjs')) as BuilderConfig;

/** The fuse names of @electron/fuses (ESM-only since 2.0), by the numeric enum the config uses as keys. */
const fuses = (await import('@electron/fuses')) as unknown as {
  FuseV1Options: Record<string, number | string>;
  FuseVersion: { V1: string };
};
const { FuseV1Options, FuseVersion } = fuses;
const fuseName = (key: string) => FuseV1Options[Number(key)] as string;

const afterPack = require(join(repoRoot, config.afterPack)) as {
  (context: unknown): Promise<void>;
  fuseConfig(env: Record<string, string | undefined>, lib: typeof fuses): Record<string, unknown>;
  electronBinary(context: unknown): string;
};

const targets = (platform: { target: Target[] }) =>
  platform.target.flatMap((t) => (t.arch ?? ['x64']).map((a) => `${t.target}:${a}`)).sort();

describe('electron-builder configuration', () => {
  it('is valid for the installed electron-builder (its own schema)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('cn.studycompanion.app');
    expect(config.productName).toBe('Study Companion');
  });

  it('builds all five targets, Linux for x64 and arm64', () => {
    expect(targets(config.win)).toEqual(['nsis:x64', 'portable:x64']);
    expect(targets(config.linux)).toEqual(['AppImage:arm64', 'AppImage:x64', 'deb:arm64', 'deb:x64']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
  });

  it('ships the signed built-in pack and the Electron-ABI better-sqlite3 as extra resources', () => {
    const builtin = config.extraResources.find((r) => r.to === 'builtin');
    expect(builtin?.from).toBe('resources/builtin');
    const native = config.extraResources.find((r) => r.to === 'electron-native');
    // One binary per os and arch, placed where src/main/index.ts looks for it.
    expect(native?.from).toBe('resources/electron-native/${os}-${arch}');
    expect(native?.filter).toEqual(['better_sqlite3.node']);
    expect(readFileSync(join(repoRoot, 'src', 'main', 'index.ts'), 'utf8')).toContain(
      "join(dir, 'electron-native', 'better_sqlite3.node')",
    );
  });

  it('packs into asar, unpacks native code, and never rebuilds node_modules against Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
  });

  it('packs the built app only: no sources, tests, packs or signing keys', () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
    ]);
    expect(config.files).toContain('!**/node_modules/better-sqlite3/{build,deps,src}/**');
  });

  it('keeps the sandbox on Ubuntu 24.04+: the deb installs electron-builder’s AppArmor profile', () => {
    // Ubuntu 24.04 restricts unprivileged user namespaces; without a profile Chromium's sandbox
    // aborts (electron/electron#42510). electron-builder 26's own deb post-install script installs
    // an AppArmor profile that allows them for this executable, unless a project replaces the
    // script or switches the profile off: neither may happen here (never --no-sandbox instead).
    const c = config as unknown as { deb: Record<string, unknown>; linux: Record<string, unknown> };
    expect(c.deb.afterInstall).toBeUndefined();
    expect(c.linux.appArmorProfile).toBeUndefined();
    const template = readFileSync(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8');
    expect(template).toMatch(/APPARMOR_PROFILE_TARGET='\/etc\/apparmor\.d\/\$\{executable\}'/);
    const profile = readFileSync(require.resolve('app-builder-lib/templates/linux/apparmor-profile.tpl'), 'utf8');
    expect(profile).toMatch(/userns,/);
  });

  it('points at icons that exist', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) {
      expect(existsSync(join(repoRoot, icon)), icon).toBe(true);
    }
  });
});

describe('afterPack: fuses', () => {
  it('is set, and flips every fuse the checklist asks for', () => {
    expect(config.afterPack).toBe('./build/afterPack.cjs');
    expect(typeof afterPack).toBe('function');
    const c = afterPack.fuseConfig({}, fuses);
    expect(c.version).toBe(FuseVersion.V1);
    expect(c.strictlyRequireAllFuses).toBe(true);
    const byName = Object.fromEntries(
      Object.entries(c)
        .filter(([k]) => /^\d+$/.test(k))
        .map(([k, v]) => [fuseName(k), v]),
    );
    expect(byName).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      GrantFileProtocolExtraPrivileges: false,
      LoadBrowserProcessSpecificV8Snapshot: false,
      WasmTrapHandlers: true,
    });
    // Every fuse @electron/fuses knows is set explicitly.
    const known = Object.keys(FuseV1Options).filter((k) => /^\d+$/.test(k));
    expect(Object.keys(byName).length).toBe(known.length);
  });

  it('uses an @electron/fuses that knows every fuse of the Electron in package.json', () => {
    // Electron's fuse wire (docs/tutorial/fuses.md in electron/electron): 9 fuses since Electron 38,
    // the ninth being WasmTrapHandlers. strictlyRequireAllFuses makes an older library (1.8 knew 8)
    // fail \`npm run dist\` against such a binary. Raise this table when a newer Electron adds one.
    const electronMajor = Number(
      (
        JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
      ).version.split('.')[0],
    );
    const fuseCount = electronMajor >= 38 ? 9 : 8;
    const known = Object.keys(FuseV1Options).filter((k) => /^\d+$/.test(k));
    expect(known.length).toBeGreaterThanOrEqual(fuseCount);
    expect(FuseV1Options.WasmTrapHandlers).toBe(8);
  });

  it('keeps only the inspect fuse on for an explicit e2e build (STUDY_E2E_BUILD=1)', () => {
    const normal = afterPack.fuseConfig({}, fuses);
    const e2e = afterPack.fuseConfig({ STUDY_E2E_BUILD: '1' }, fuses);
    const changed = Object.keys(normal).filter((k) => normal[k] !== e2e[k]);
    expect(changed.map(fuseName)).toEqual(['EnableNodeCliInspectArguments']);
    expect(e2e[String(FuseV1Options.EnableNodeCliInspectArguments)]).toBe(true);
    for (const value of ['0', 'true', 'yes', '']) {
      expect(afterPack.fuseConfig({ STUDY_E2E_BUILD: value }, fuses)).toEqual(normal);
    }
  });

  it('finds the packed executable on each platform', () => {
    const ctx = (electronPlatformName: string) => ({
      electronPlatformName,
      appOutDir: '/out',
      packager: { appInfo: { productFilename: 'Study Companion' }, executableName: 'study-companion' },
    });
    expect(afterPack.electronBinary(ctx('darwin'))).toBe(join('/out', 'Study Companion.app'));
    expect(afterPack.electronBinary(ctx('win32'))).toBe(join('/out', 'Study Companion.exe'));
    expect(afterPack.electronBinary(ctx('linux'))).toBe(join('/out', 'study-companion'));
  });
});

describe('icons', () => {
  const png = (file: string) => readFileSync(join(repoRoot, 'resources', 'icons', file));

  function checkPng(bytes: Buffer, size: number) {
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.readUInt32BE(16)).toBe(size); // IHDR width
    expect(bytes.readUInt32BE(20)).toBe(size); // IHDR height
    let at = 8;
    const types: string[] = [];
    while (at < bytes.length) {
      const len = bytes.readUInt32BE(at);
      const type = bytes.subarray(at + 4, at + 8);
      const crc = bytes.readUInt32BE(at + 8 + len);
      expect(crc32(bytes.subarray(at + 4, at + 8 + len))).toBe(crc);
      types.push(type.toString('ascii'));
      at += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  }

  it('has a valid PNG for every size, the 1024 px source, an .ico and an .icns', () => {
    for (const size of PNG_SIZES) checkPng(png(join('png', `${size}x${size}.png`)), size);
    checkPng(png('icon.png'), 1024);
    const ico = png('icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    const icns = png('icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('is what build/icons.mjs draws (the committed files are reproducible)', () => {
    for (const size of [16, 32, 48])
      expect(renderIcon(size).equals(png(join('png', `${size}x${size}.png`)))).toBe(true);
  });
});
