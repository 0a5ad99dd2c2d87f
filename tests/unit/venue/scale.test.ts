import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { baseRecord, laptop, signedFile } from './make';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

describe('a large venue import', () => {
  it('imports 2,000 records in batches of 200, with dedupe, rejects and a roster', async () => {
    const b = await baseRecord();
    open.push(b.core);
    const machines = Array.from({ length: 50 }, laptop);
    const files = Array.from({ length: 2000 }, (_, i) => {
      // Every 100th file is an older export of the previous file's participant (same laptop).
      const older = i % 100 === 99;
      const profileId = older ? i - 1 : i;
      return {
        name: `r${i}.json`,
        content: signedFile(b.record, machines[profileId % 50]!, {
          profileId,
          name: `学员${profileId}`,
          unit: `单位${profileId % 7}`,
          exportedAt: older ? '2020-01-01T00:00:00.000Z' : '2025-03-01T00:00:00.000Z',
        }),
      };
    });
    files[500] = { name: 'r500.json', content: files[500]!.content.replace('学员500', '学员X') };
    const { importId } = await b.call('venue.begin', {});
    let last = { received: 0, accepted: 0, rejected: 0 };
    for (let i = 0; i < files.length; i += 200) {
      last = await b.call('venue.addBatch', { importId, files: files.slice(i, i + 200) });
    }
    expect(last).toEqual({ received: 2000, accepted: 1999, rejected: 1 });
    const roster = Array.from({ length: 2100 }, (_, i) => `学员${i},单位${i % 7}`).join('\r\n');
    const report = await b.call('venue.finish', { importId, roster });
    expect(report.files).toEqual({ received: 2000, accepted: 1999, rejected: 1, superseded: 20 });
    expect(report.participants).toHaveLength(1979);
    expect(report.roster!.missing.length).toBe(2100 - 1979);
    const csv = await b.call('venue.exportCsv', {});
    expect(csv.content.split('\r\n').length).toBe(1 + 1979 + 1);
  });
});
