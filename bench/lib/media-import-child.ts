/**
 * Child process of bench/media-import.ts: a core that imports one pack file, reporting its own
 * memory (VmRSS just before, VmHWM just after) and the import's wall time as one JSON line.
 * argv: dataDir packFile
 */
import { readFileSync } from 'node:fs';
import { Core } from '../../src/core/core';

const mem = () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
};

async function main() {
  const [dataDir, packFile] = process.argv.slice(2) as [string, string];
  const core = await Core.open({ dataDir, appName: 'Study Companion', appVersion: 'bench' });
  const before = mem();
  const t0 = performance.now();
  await core.library.importFile(packFile, 'bench.studypack', { trustPublisher: true, allowDowngrade: false });
  const ms = performance.now() - t0;
  const after = mem();
  core.close();
  process.stdout.write(
    `${JSON.stringify({ ms, rssBeforeKb: before.rssKb, hwmBeforeKb: before.hwmKb, hwmAfterKb: after.hwmKb })}\n`,
  );
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
