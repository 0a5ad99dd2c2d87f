import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { tempDir } from '../support/temp';
import { baseRecord, laptop, signedFile } from './make';

/**
 * The venue's XLSX opened by a real spreadsheet no one here wrote (LibreOffice Calc, headless)
 * and printed to PDF: what an official's printer would get. CI installs it (NEEDS-APT.txt).
 */
const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
const reason = 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui poppler-utils';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', timeout: 180_000 });

describe('the venue XLSX printed by LibreOffice', () => {
  it.skipIf(!soffice)(
    `is A4 landscape, one page wide, with the header on every page${soffice ? '' : ` (skipped: ${reason})`}`,
    async () => {
      const b = await baseRecord();
      open.push(b.core);
      const units = ['省委组织部', '省财政厅', '省教育厅', '省民政厅'];
      const files = Array.from({ length: 240 }, (_, i) => ({
        name: `r${i}.json`,
        content: signedFile(b.record, laptop(), { name: `学员${String(i).padStart(3, '0')}`, unit: units[i % 4]! }),
      }));
      await b.call('venue.import', { files });
      const xlsx = await b.call('venue.exportXlsx', { language: 'zh-CN', timeZone: 'Asia/Shanghai' });
      const dir = tempDir('venue-print-');
      const file = join(dir, 'report.xlsx');
      writeFileSync(file, Buffer.from(xlsx.base64, 'base64'));
      run(soffice!, [
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ]);
      const pdf = join(dir, 'report.pdf');
      // To look at it: VENUE_PDF=/tmp/report.pdf npx vitest run tests/unit/venue/xlsx-print.test.ts
      if (process.env.VENUE_PDF) copyFileSync(pdf, process.env.VENUE_PDF);
      expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
      const info = run('pdfinfo', ['-f', '1', '-l', '1000', pdf]);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      expect(sizes).toHaveLength(pages);
      for (const [w, h] of sizes) {
        // A4 landscape: 842 x 595 points.
        expect(Math.round(w!)).toBe(842);
        expect(Math.round(h!)).toBe(595);
      }
      const page = (n: number) => run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']);
      // 240 participants take more than one page; every one of their pages starts with the header
      // and holds the last printed column too (fit to width: no page carries only right-hand columns).
      const first = page(1);
      const second = page(2);
      for (const text of [first, second]) {
        expect(text).toContain('姓名');
        expect(text).toContain('专题6');
        expect(text).toContain('学习时长'); // the last printed column (its header wraps)
        expect(text).not.toContain('.json'); // file names and ids stay on screen, not on paper
      }
      const names = (text: string) => new Set(text.match(/学员\d{3}/g));
      expect(names(first).size).toBeGreaterThan(10);
      expect(names(second).size).toBeGreaterThan(10);
      expect([...names(second)].some((n) => names(first).has(n))).toBe(false);
      expect(first).toMatch(/\b1 ?\/ ?\d+\s*$/m); // page numbers in the footer
      expect(pages).toBeLessThan(12);
    },
    240_000,
  );
});
