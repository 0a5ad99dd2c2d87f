import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { join } from 'node:path';
import { repoRoot } from '../support/core';
import { baseRecord, laptop, signedFile, tampered } from './make';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

async function venue() {
  const b = await baseRecord();
  open.push(b.core);
  return b;
}

describe('venue import', () => {
  it('accepts valid records and rejects a tampered one with its reason', async () => {
    const { call, record } = await venue();
    const files = [
      { name: 'a.json', content: signedFile(record, laptop(), { name: '王五', unit: '省财政厅' }) },
      { name: 'b.json', content: signedFile(record, laptop(), { name: '赵六', unit: '省教育厅' }) },
      { name: 'c.json', content: tampered(signedFile(record, laptop(), { name: '钱七', unit: '省民政厅' })) },
    ];
    const report = await call('venue.import', { files });
    expect(report.files).toEqual({ received: 3, accepted: 2, rejected: 1, superseded: 0 });
    expect(report.rejected).toEqual([{ file: 'c.json', reason: 'signature', detail: expect.any(String) }]);
    expect(report.participants.map((p) => p.name).sort()).toEqual(['王五', '赵六']);
    expect(report.sessions.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    const p = report.participants[0]!;
    expect(p.sessions[0]).toMatchObject({ passed: true, status: 'complete', bestScore: 1, attempts: 2 });
    expect(p.sessions[1]).toMatchObject({ passed: false, bestScore: 0 });
    expect(p.sessions[2]).toMatchObject({ bestScore: null, completedAt: null });
    expect(report.totals.sessions[0]).toEqual({ id: 's1', passed: 2, completed: 2, credit: 0 });
    expect(report.totals.sessions[1]).toEqual({ id: 's2', passed: 0, completed: 0, credit: 0 });
    expect(report.totals).toMatchObject({ participants: 2, completedAll: 0 });
  });

  it('names every kind of bad file and never drops one silently', async () => {
    const { call, record, text } = await venue();
    const report = await call('venue.import', {
      files: [
        { name: 'ok.json', content: text },
        { name: 'notes.txt', content: 'hello' },
        { name: 'other.json', content: '{"format":"something else"}' },
        { name: 'pack.json', content: signedFile(record, laptop(), { packId: 'some-other-pack' }) },
        { name: 'huge.json', tooLarge: true, size: 5_000_000 },
      ],
    });
    expect(report.files).toMatchObject({ received: 5, accepted: 1, rejected: 4 });
    expect(Object.fromEntries(report.rejected.map((r) => [r.file, r.reason]))).toEqual({
      'notes.txt': 'bad-json',
      'other.json': 'schema',
      'pack.json': 'unknown-pack',
      'huge.json': 'too-large',
    });
  });

  it('keeps the newest export of a participant, whatever order the files come in', async () => {
    const { call, record } = await venue();
    const m = laptop();
    // The profile was renamed between the two exports: the newer record carries the new name.
    const older = signedFile(record, m, { exportedAt: '2025-03-01T10:00:00.000Z', name: '张三（旧名）' });
    const newer = signedFile(record, m, { exportedAt: '2025-03-05T10:00:00.000+08:00', name: '张三' });
    const otherProfileSameLaptop = signedFile(record, m, { profileId: 99, name: '孙八' });
    for (const order of [
      [
        { name: 'old.json', content: older },
        { name: 'new.json', content: newer },
      ],
      [
        { name: 'new.json', content: newer },
        { name: 'old.json', content: older },
      ],
    ]) {
      const report = await call('venue.import', {
        files: [...order, { name: 'p99.json', content: otherProfileSameLaptop }],
      });
      expect(report.files).toMatchObject({ accepted: 3, superseded: 1 });
      expect(report.superseded).toEqual([{ file: 'old.json', by: 'new.json' }]);
      expect(report.participants).toHaveLength(2);
      expect(report.participants.find((p) => p.file === 'new.json')!.name).toBe('张三');
    }
  });

  it('warns about another version of the same pack but counts the record', async () => {
    const { call, record } = await venue();
    const report = await call('venue.import', {
      files: [{ name: 'v09.json', content: signedFile(record, laptop(), { packVersion: '0.9.0' }) }],
    });
    expect(report.files.accepted).toBe(1);
    expect(report.warnings).toEqual([{ file: 'v09.json', code: 'pack-version', detail: '0.9.0 ≠ 1.0.0' }]);
  });

  it('reports records of another installed pack apart from unknown ones', async () => {
    const { core, call, record } = await venue();
    const keys = generateKeyPair();
    const mini = await buildPack(join(repoRoot, 'tests/fixtures/packs/mini'), keys.privateKeyPem);
    await core.library.installBytes(mini, 'mini.studypack', { trustPublisher: true, allowDowngrade: false });
    const report = await call('venue.import', {
      files: [
        { name: 'mini.json', content: signedFile(record, laptop(), { packId: 'mini-pack', packVersion: '1.2.0' }) },
      ],
    });
    expect(report.rejected[0]).toMatchObject({ reason: 'other-pack', detail: 'mini-pack 1.2.0' });
    const forMini = await call('venue.import', { packId: 'mini-pack', files: [] });
    expect(forMini.pack.id).toBe('mini-pack');
  });

  it('lists roster people who have not submitted, with or without BOM and header', async () => {
    const { call, record } = await venue();
    const files = [
      { name: 'a.json', content: signedFile(record, laptop(), { name: '王五', unit: '省财政厅' }) },
      { name: 'b.json', content: signedFile(record, laptop(), { name: 'Li Lei', unit: '省教育厅' }) },
      { name: 'c.json', content: signedFile(record, laptop(), { name: '周九', unit: '未登记单位' }) },
    ];
    const roster = '\uFEFF姓名,工作单位\r\n王五,省财政厅\r\n李四,省民政厅\r\n"li  lei",省教育厅\r\n吴十,\r\n';
    const report = await call('venue.import', { files, roster });
    expect(report.roster).toMatchObject({
      total: 4,
      missing: [
        { name: '李四', unit: '省民政厅' },
        { name: '吴十', unit: '' },
      ],
      notOnRoster: [{ name: '周九', unit: '未登记单位' }],
    });
    const noHeader = await call('venue.import', { files, roster: '王五,省财政厅\n李四,省民政厅\n' });
    expect(noHeader.roster?.missing).toEqual([{ name: '李四', unit: '省民政厅' }]);
    // Assumed columns are said, not silent (the preview shows it before the report).
    expect(noHeader.roster?.problems).toEqual([{ row: 1, reason: 'venue.roster.noHeader' }]);
  });

  it('runs long imports in batches: begin, addBatch, finish', async () => {
    const { call, record, dispatch } = await venue();
    const { importId, pack } = await call('venue.begin', {});
    expect(pack.id).toBe(record.pack.id);
    const progress = await call('venue.addBatch', {
      importId,
      files: [
        { name: 'a.json', content: signedFile(record, laptop()) },
        { name: 'x', content: '' },
      ],
    });
    expect(progress).toEqual({ received: 2, accepted: 1, rejected: 1 });
    await call('venue.addBatch', { importId, files: [{ name: 'b.json', content: signedFile(record, laptop()) }] });
    const report = await call('venue.finish', { importId });
    expect(report.files).toMatchObject({ received: 3, accepted: 2, rejected: 1 });
    // A finished import is closed.
    expect(await dispatch('venue.addBatch', { importId, files: [] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
