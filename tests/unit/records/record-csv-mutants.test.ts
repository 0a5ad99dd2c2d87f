import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/records/csv';
import { recordCsv } from '../../../src/core/records/record-csv';
import { record, session } from './record-fixture';

describe('the record CSV, cell by cell', () => {
  it('writes every session row from the record and its ledger, and a total line', () => {
    const r = record({
      participant: { profileId: 7, name: '张三', unit: '省委组织部', venue: '' },
      sessions: [
        session('s1', 1, {
          title: 'One',
          status: 'complete',
          reading: { fraction: 0.555, reachedEnd: true, seconds: 30 },
          keyPoints: { reviewed: 2, total: 3 },
          quiz: { questions: 5, passMark: 0.8, attempts: 2, bestScore: 0.874, latestScore: 0.5, passed: true },
          completedAt: '2025-03-02T10:00:00.000Z',
        }),
        session('s2', 2, {
          title: 'Two',
          status: 'in-progress',
          reading: { fraction: 0.1, reachedEnd: false, seconds: 150 },
        }),
        session('s3', 3, { title: 'Three' }),
      ],
      overall: { completed: 1, total: 3, fraction: 1 / 3, completedAt: '2025-03-04T00:00:00.000Z' },
      ledger: {
        sessions: [
          { id: 's1', readingSeconds: 600, watchingSeconds: 89, credit: 1.234 },
          { id: 's3', readingSeconds: 31, watchingSeconds: 0, credit: 0 },
        ],
        totalCredit: 2.255,
      },
    });
    const text = recordCsv(r, 'en');
    const [header, ...rows] = parseCsv(text, true);
    expect(header![0]).toBe('Name');
    expect(rows).toEqual([
      [
        '张三',
        '省委组织部',
        '',
        'Own title',
        '2.0.0',
        '1',
        'One',
        'Complete',
        '56',
        '10',
        '1',
        '2',
        '3',
        '2',
        '87',
        'yes',
        '2025-03-02T10:00:00.000Z',
        '1.23',
        '2025-03-09T00:00:00.000Z',
      ],
      // Not in the ledger: the summary's reading seconds, no watching, no credit.
      [
        '张三',
        '省委组织部',
        '',
        'Own title',
        '2.0.0',
        '2',
        'Two',
        'In progress',
        '10',
        '3',
        '0',
        '0',
        '3',
        '0',
        '',
        'no',
        '',
        '0',
        '2025-03-09T00:00:00.000Z',
      ],
      [
        '张三',
        '省委组织部',
        '',
        'Own title',
        '2.0.0',
        '3',
        'Three',
        'Not started',
        '0',
        '1',
        '0',
        '0',
        '3',
        '0',
        '',
        'no',
        '',
        '0',
        '2025-03-09T00:00:00.000Z',
      ],
      // The total is the ledger's: 631 s of reading, 89 s of watching.
      [
        '张三',
        '省委组织部',
        '',
        'Own title',
        '2.0.0',
        '',
        'Total',
        '',
        '',
        '11',
        '1',
        '',
        '',
        '',
        '',
        '',
        '2025-03-04T00:00:00.000Z',
        '2.26',
        '2025-03-09T00:00:00.000Z',
      ],
    ]);
  });

  it('writes the venue when there is one, and zeros for a record written before the ledger', () => {
    const r = record({ participant: { profileId: 7, name: 'N', unit: 'U', venue: '武汉' }, ledger: undefined });
    const rows = parseCsv(recordCsv(r, 'zh-CN'));
    expect(rows[0]![0]).toBe('姓名');
    expect(rows[1]!.slice(0, 3)).toEqual(['N', 'U', '武汉']);
    expect(rows[1]![9]).toBe('2'); // 90 s of reading from the summary
    expect(rows.at(-1)!.slice(5, 11)).toEqual(['', '合计', '', '', '0', '0']);
    expect(rows.at(-1)![17]).toBe('0');
    expect(rows.at(-1)![16]).toBe('');
  });
});
