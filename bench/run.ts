/**
 * `npm run bench [-- --only writes,search] [-- --quick] [-- --keep]`: every figure of issue #7,
 * each printed beside a baseline measured in the same run on the same machine, with the ratio.
 * Prints figures only; nothing here asserts a timing. Synthetic data is generated (seeded) in one
 * temp folder that is removed at the end (kept with --keep).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM, makeDir, type BenchContext } from './lib/app';
import { table, type FigureResult, type Row } from './lib/format';
import { markdownRender } from './markdown-render';
import { mediaImport } from './media-import';
import { mediaRange } from './media-range';
import { memory } from './memory';
import { packImport } from './pack-import';
import { responsiveness } from './responsiveness';
import { search } from './search';
import { startup } from './startup';
import { venue } from './venue';
import { verifyCpu } from './verify-cpu';
import { weight } from './weight';
import { watchSaves } from './watch-saves';
import { writes } from './writes';

type Figure = (ctx: BenchContext) => Promise<FigureResult>;

/** In run order: the memory figure reports what the start-up and import figures sampled. */
const FIGURES: Record<string, Figure> = {
  weight,
  startup,
  writes,
  search,
  venue,
  import: packImport,
  responsiveness,
  'verify-cpu': verifyCpu,
  markdown: markdownRender,
  'media-import': mediaImport,
  'media-range': mediaRange,
  'watch-saves': watchSaves,
  memory,
};

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `not found at ${CHROMIUM}`;
  }
}

function machine(): string[] {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  const memGb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 1024 / 1024;
  return [
    `machine: ${cpus().length} cores (${model}), ${memGb.toFixed(0)} GB RAM, ${process.platform} ${process.arch}`,
    `node ${process.version}; ${chromiumVersion()}`,
  ];
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const names = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(FIGURES);
  const unknown = names.filter((n) => !(n in FIGURES));
  if (unknown.length)
    throw new Error(`Unknown figure(s) ${unknown.join(', ')}; known: ${Object.keys(FIGURES).join(', ')}`);
  // The memory figure samples the hosts of the start-up and import figures, so it brings them along.
  const selected = new Set(names.includes('memory') ? [...names, 'startup', 'import'] : names);

  const tmp = mkdtempSync(join(tmpdir(), 'study-bench-'));
  const started = performance.now();
  const ctx: BenchContext = {
    tmp,
    quick: values.quick,
    log: (m) =>
      process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s] ${m}\n`),
    dir: (prefix) => makeDir(tmp, prefix),
    memory: {},
  };
  const header = [...machine(), `load average at start: ${load()}${values.quick ? '; --quick (smaller sizes)' : ''}`];
  for (const line of header) ctx.log(line);

  const rows: Row[] = [];
  const notes: string[] = [];
  const failures: string[] = [];
  try {
    for (const name of Object.keys(FIGURES).filter((n) => selected.has(n))) {
      ctx.log(`${name}: starting`);
      const t0 = performance.now();
      try {
        const result = await FIGURES[name]!(ctx);
        rows.push(...result.rows);
        notes.push(...result.notes);
        ctx.log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        failures.push(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        ctx.log(`${name}: FAILED`);
      }
    }
  } finally {
    if (values.keep) ctx.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  const total = (performance.now() - started) / 1000;
  console.log(header.join('\n'));
  console.log('');
  console.log(table(rows));
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
  console.log('');
  console.log(`total ${total.toFixed(0)} s; load average at end: ${load()}`);
  if (failures.length) {
    console.error(`\n${failures.length} figure(s) failed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
