/**
 * What the core loads before it can give its first answer. The built out/main/core.js is the file
 * both hosts start (Electron's utility process, the browser host's worker); every module it loads
 * at the top delays the app's first screen. exceljs alone took about a second to load on this
 * project's machines, and only the venue's spreadsheets need it, so it must load on first use.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outDir } from '../../shell/load-shell';

/** The packages out/main/core.js requires while it loads, before it serves anything. */
function packagesLoadedAtStart(): string[] {
  const coreJs = join(outDir, 'main', 'core.js');
  // Outside a worker the core throws once loaded (no host port): by then its requires have run.
  const script = `
    const Module = require('node:module');
    const loaded = new Set();
    const load = Module._load;
    Module._load = function (request, ...rest) { loaded.add(request); return load.call(this, request, ...rest); };
    try { require(${JSON.stringify(coreJs)}); } catch (e) { if (!/must run as a worker/.test(e.message)) throw e; }
    process.stdout.write(JSON.stringify([...loaded]));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
}

describe('the core at start-up', () => {
  it('loads the database driver but not the spreadsheet library', () => {
    const loaded = packagesLoadedAtStart();
    expect(loaded).toContain('better-sqlite3'); // the hook saw the core's requires
    expect(loaded).not.toContain('exceljs');
  });
});
