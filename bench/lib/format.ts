/** One printed line: what was measured, beside a baseline measured in the same run, and their ratio. */
export interface Row {
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
}

/** A figure's rows and the details that do not fit a row (sample counts, sizes, spread). */
export interface FigureResult {
  rows: Row[];
  notes: string[];
}

export function ms(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 10_000) return `${(v / 1000).toFixed(1)} s`;
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
  if (v >= 100) return `${v.toFixed(0)} ms`;
  if (v >= 10) return `${v.toFixed(1)} ms`;
  if (v >= 1) return `${v.toFixed(2)} ms`;
  return `${v.toFixed(3)} ms`;
}

/** Decimal units, as vite and most tools print them. */
export function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

export const mbPerSecond = (byteCount: number, millis: number): string =>
  `${(byteCount / 1e6 / (millis / 1000)).toFixed(0)} MB/s`;

/** measured / baseline, e.g. "3.21x" (how many times the baseline), "0.05x" for a fraction. */
export function ratio(measured: number, baseline: number): string {
  if (!Number.isFinite(measured) || !Number.isFinite(baseline) || baseline === 0) return 'n/a';
  const r = measured / baseline;
  const digits = r >= 100 ? 0 : r >= 10 ? 1 : r >= 0.1 ? 2 : 3;
  return `${r.toFixed(digits)}x`;
}

export const count = (n: number): string => n.toLocaleString('en-US');

/** `figure | measured | baseline | ratio`, every column padded to its widest cell. */
export function table(rows: readonly Row[]): string {
  const header: Row = { figure: 'figure', measured: 'measured', baseline: 'baseline', ratio: 'ratio' };
  const all = [header, ...rows];
  const width = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const w = { figure: width('figure'), measured: width('measured'), baseline: width('baseline') };
  const line = (r: Row) =>
    `${r.figure.padEnd(w.figure)} | ${r.measured.padStart(w.measured)} | ${r.baseline.padEnd(w.baseline)} | ${r.ratio}`;
  const rule = `${'-'.repeat(w.figure)}-|-${'-'.repeat(w.measured)}-|-${'-'.repeat(w.baseline)}-|------`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
