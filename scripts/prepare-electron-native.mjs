// better-sqlite3 for Electron's ABI, kept apart from the Node build that `npm test` uses.
//
// Copies node_modules/better-sqlite3 to a scratch folder and gets the binary for the installed
// Electron there — first the project's prebuilt download (prebuild-install --runtime electron),
// then, for the machine's own platform and arch, a node-gyp build against Electron's headers —
// and checks that the result really is for Electron's ABI (a build against Node's headers loads in
// Node and crashes Electron; see docs/toolchain-notes). Results:
//   resources/electron-native/<os>-<arch>/better_sqlite3.node  packaged by electron-builder (extraResources)
//   resources/electron-native/better_sqlite3.node              this machine's, for `npm start`
// node_modules/better-sqlite3 itself is never touched.
//
// Needs internet (github.com for the prebuilt binary, electronjs.org for headers) and fails with a
// clear message without it.
//
//   node scripts/prepare-electron-native.mjs              this machine's platform and arch
//   node scripts/prepare-electron-native.mjs --dist       every arch electron-builder.config.cjs targets here
//   node scripts/prepare-electron-native.mjs --arch arm64 a given arch (comma-separated list)
//   --optional  report a failure but exit 0 (npm start: the browser host still works)
//   --force     fetch again even if an up-to-date binary is there
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch as hostArch, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const OS_KEY = { darwin: 'mac', win32: 'win', linux: 'linux' };
const LOG = '[prepare-electron-native]';

class PrepareError extends Error {}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function electronInfo() {
  const dir = dirname(require.resolve('electron/package.json'));
  const abiFile = join(dir, 'abi_version');
  if (!existsSync(abiFile)) throw new PrepareError(`${abiFile} is missing: cannot tell which ABI Electron needs.`);
  return { version: readJson(join(dir, 'package.json')).version, abi: readFileSync(abiFile, 'utf8').trim() };
}

/** The arches electron-builder.config.cjs builds for on this platform (default: the host's). */
function distArches(osKey) {
  const config = require(join(root, 'electron-builder.config.cjs'));
  const targets = config[osKey]?.target ?? [];
  const arches = new Set(targets.flatMap((t) => (typeof t === 'string' ? [] : (t.arch ?? []))));
  return arches.size ? [...arches] : [hostArch()];
}

/** An environment without npm's nodedir/target settings, which would point node-gyp at Node's headers. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|arch|disturl|dist_url|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

function run(cmd, args, cwd, timeout) {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.error) return { ok: false, why: r.error.message, output };
  if (r.status !== 0) return { ok: false, why: lastLines(output) || `exit code ${r.status}`, output };
  return { ok: true, output };
}

/** The few lines of a tool's log that say what went wrong (not its banner, stack frames or footer). */
function lastLines(text, n = 3) {
  const noise = /ERR! (System|command|cwd|node -v|node-gyp -v|not ok)|stack\s+at |^gyp info|looking for cached/;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !noise.test(l));
  const telling = lines.filter((l) => /error|ERR!|warn|GET |ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN/i.test(l));
  return (telling.length ? telling : lines).slice(0, n).join(' / ');
}

/** Electron's ABI number is compiled into the module's registration symbol. */
function checkAbi(file, abi) {
  if (!existsSync(file)) return `no ${file} was produced`;
  const bytes = readFileSync(file);
  if (bytes.includes(Buffer.from(`node_register_module_v${abi}`))) return null;
  const found = /node_register_module_v(\d+)/.exec(bytes.toString('latin1'));
  return `the binary is for ABI ${found ? found[1] : 'unknown'}, Electron needs ${abi} (built against the wrong headers?)`;
}

function prepareOne({ electron, osKey, arch, force }) {
  const sqlitePkg = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = readJson(join(sqlitePkg, 'package.json')).version;
  const outDir = join(root, 'resources', 'electron-native', `${osKey}-${arch}`);
  const target = join(outDir, 'better_sqlite3.node');
  const stampFile = join(outDir, 'stamp.json');
  const stamp = { electron: electron.version, abi: electron.abi, betterSqlite3: sqliteVersion, os: osKey, arch };
  const isHost = osKey === OS_KEY[process.platform] && arch === hostArch();

  const current = existsSync(stampFile) ? readJson(stampFile) : null;
  if (!force && existsSync(target) && current && Object.keys(stamp).every((k) => current[k] === stamp[k])) {
    console.log(`${LOG} ${osKey}-${arch}: up to date (better-sqlite3 ${sqliteVersion}, Electron ${electron.version}).`);
  } else {
    const scratch = mkdtempSync(join(tmpdir(), 'study-electron-native-'));
    try {
      const work = join(scratch, 'better-sqlite3');
      // A copy without the Node build, so nothing but this run's result can end up in build/.
      cpSync(sqlitePkg, work, { recursive: true, filter: (src) => !src.startsWith(join(sqlitePkg, 'build')) });
      const built = join(work, 'build', 'Release', 'better_sqlite3.node');
      const platform = Object.keys(OS_KEY).find((p) => OS_KEY[p] === osKey);

      const prebuild = run(
        process.execPath,
        [
          require.resolve('prebuild-install/bin.js', { paths: [sqlitePkg] }),
          '--runtime=electron',
          `--target=${electron.version}`,
          `--arch=${arch}`,
          `--platform=${platform}`,
          '--verbose',
        ],
        work,
        180_000,
      );
      let problem = prebuild.ok ? checkAbi(built, electron.abi) : `prebuilt download failed: ${prebuild.why}`;
      let method = 'prebuild-install';

      if (problem && isHost) {
        rmSync(join(work, 'build'), { recursive: true, force: true });
        const gyp = run(
          process.execPath,
          [
            require.resolve('node-gyp/bin/node-gyp.js'),
            'rebuild',
            '--release',
            `--target=${electron.version}`,
            `--arch=${arch}`,
            '--dist-url=https://electronjs.org/headers',
            `--devdir=${join(tmpdir(), 'study-electron-gyp')}`,
          ],
          work,
          900_000,
        );
        const gypProblem = gyp.ok ? checkAbi(built, electron.abi) : `node-gyp build failed: ${gyp.why}`;
        problem = gypProblem ? `${problem}; ${gypProblem}` : null;
        method = 'node-gyp';
      } else if (problem) {
        problem += `; building from source is only possible for this machine's own platform and arch (${OS_KEY[process.platform]}-${hostArch()})`;
      }
      if (problem) {
        throw new PrepareError(
          `Could not get better-sqlite3 ${sqliteVersion} for Electron ${electron.version} (ABI ${electron.abi}, ${osKey}-${arch}): ${problem}.\n` +
            'This step needs internet: github.com (prebuilt binaries) and electronjs.org (headers). ' +
            'Without it the Electron window cannot open its database; the browser host works offline: npm run serve.',
        );
      }
      mkdirSync(outDir, { recursive: true });
      copyFileSync(built, target);
      writeFileSync(stampFile, `${JSON.stringify({ ...stamp, method }, null, 2)}\n`);
      console.log(
        `${LOG} ${osKey}-${arch}: better-sqlite3 ${sqliteVersion} for Electron ${electron.version} via ${method}.`,
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  if (isHost) copyFileSync(target, join(root, 'resources', 'electron-native', 'better_sqlite3.node'));
}

function main() {
  const { values } = parseArgs({
    options: {
      arch: { type: 'string' },
      dist: { type: 'boolean', default: false },
      optional: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const osKey = OS_KEY[process.platform];
  try {
    if (!osKey) throw new PrepareError(`Unsupported platform ${process.platform}.`);
    const electron = electronInfo();
    const arches = values.arch
      ? values.arch.split(',').map((a) => a.trim())
      : values.dist
        ? distArches(osKey)
        : [hostArch()];
    for (const arch of arches) prepareOne({ electron, osKey, arch, force: values.force });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (values.optional) {
      console.warn(`${LOG} ${message}\n${LOG} Continuing without it (--optional).`);
      return;
    }
    console.error(`${LOG} ${message}`);
    process.exitCode = 1;
  }
}

main();
