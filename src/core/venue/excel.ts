import type ExcelJS from 'exceljs';

/**
 * exceljs takes about a second to load on a slow machine (most of the core's load time), and
 * only the venue's spreadsheets need it: it loads with the first spreadsheet read or written,
 * not when the core starts, so the app's first answer does not wait for it.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  const module = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return module.default ?? module;
}
