import type { BenchContext } from './lib/app';
import { bytes, ratio, type FigureResult, type Row } from './lib/format';

/**
 * Figure 7: peak resident memory (VmHWM from /proc/<pid>/status) of the browser host process, a
 * separate process for each of the start-up and the import figures, read at the end of the figure.
 * Baseline: the same process's resident memory (VmRSS) when it had just started listening, before
 * the first request. The host runs as `node --import tsx src/browser-host/cli.ts` (see lib/app.ts),
 * so both numbers include tsx's TypeScript loader, which the Electron app does not carry.
 */
export function memory(ctx: BenchContext): Promise<FigureResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const kb = (n: number) => bytes(n * 1024); // /proc's "kB" are KiB
  const { startup, import: imp } = ctx.memory;
  if (startup) {
    rows.push({
      figure: 'memory: host peak RSS during the start-up loads',
      measured: kb(startup.peakKb),
      baseline: `idle host after start: ${kb(startup.idleKb)}`,
      ratio: ratio(startup.peakKb, startup.idleKb),
    });
  } else notes.push('memory: the start-up figure did not run or failed, so its host was not sampled.');
  if (imp) {
    rows.push({
      figure: `memory: host peak RSS during the ${bytes(imp.packBytes)} import`,
      measured: kb(imp.peakKb),
      baseline: `idle host after start: ${kb(imp.idleKb)}`,
      ratio: ratio(imp.peakKb, imp.idleKb),
    });
    notes.push(
      `memory: the import raised the host's peak by ${kb(imp.peakKb - imp.idleKb)}, ` +
        `${(((imp.peakKb - imp.idleKb) * 1024) / imp.packBytes).toFixed(1)} times the pack file's size ` +
        '(upload chunks, the file, its inflated entries and the install transaction, all in one process).',
    );
  } else notes.push('memory: the import figure did not run or failed, so its host was not sampled.');
  return Promise.resolve({ rows, notes });
}
