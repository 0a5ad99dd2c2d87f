import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { parseCsv } from '../../../src/core/records/csv';
import { exportRecord } from '../../../src/core/records/export';
import { packTitles } from '../../../src/core/records/titles';
import { verifyRecordText } from '../../../src/core/records/verify';
import type { RecordFormat } from '../../../src/shared/contract/records';
import type { Language } from '../../../src/shared/contract/app';
import { openCore } from '../support/core';
import { PACK, seededCore } from './seed';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

const AT = '2025-03-09T01:02:03.456Z';
const clock = { now: () => new Date(AT) };

async function seeded() {
  const s = await seededCore();
  open.push(s.core);
  const file = (format: RecordFormat, language: Language = 'zh-CN') =>
    exportRecord({ db: s.core.db, clock, profileId: s.profile.id, packId: PACK, format, language });
  const installationId = (await s.call('records.signingInfo', {})).installationId;
  return { ...s, file, installationId };
}

describe('exportRecord', () => {
  it('names each file by participant, export time and installation, with its MIME type', async () => {
    const { file, installationId } = await seeded();
    const stem = `张三_老张_-20250309-010203-${installationId.slice(0, 8)}`;
    const json = file('json');
    expect(json.fileName).toBe(`study-record-${stem}.json`);
    expect(json.mimeType).toBe('application/json');
    const v = verifyRecordText(json.content);
    expect(v.ok && v.record.exportedAt).toBe(AT);
    const csv = file('csv');
    expect(csv.fileName).toBe(`study-record-${stem}.csv`);
    expect(csv.mimeType).toBe('text/csv;charset=utf-8');
    expect(parseCsv(csv.content)[0]![0]).toBe('姓名');
    expect(parseCsv(file('csv', 'en').content)[0]![0]).toBe('Name');
    const xapi = file('xapi');
    expect(xapi.fileName).toBe(`xapi-statements-${stem}.json`);
    expect(xapi.mimeType).toBe('application/json');
    expect(xapi.content).toBe(JSON.stringify(JSON.parse(xapi.content), null, 2));
  });

  it('cuts a long name to 40 characters and names a nameless participant "participant"', async () => {
    const { core, profile, file } = await seeded();
    core.db.prepare('UPDATE profiles SET name = ? WHERE id = ?').run('长'.repeat(45), profile.id);
    expect(file('csv').fileName).toMatch(new RegExp(`^study-record-${'长'.repeat(40)}-20250309-`));
    core.db.prepare("UPDATE profiles SET name = '' WHERE id = ?").run(profile.id);
    expect(file('csv').fileName).toMatch(/^study-record-participant-20250309-010203-[0-9a-f]{8}\.csv$/);
    core.db.prepare("UPDATE profiles SET name = 'a_b-c d' WHERE id = ?").run(profile.id);
    expect(file('csv').fileName).toMatch(/^study-record-a_b-c_d-20250309-/);
  });

  it('writes xAPI in the pack language with its titles, the attempts and answers, and no credit the pack does not grant', async () => {
    const { file } = await seeded();
    const list = JSON.parse(file('xapi', 'zh-CN').content) as {
      verb: { id: string };
      object: { id: string; definition: { name?: Record<string, string> } };
      context: { language: string };
      result: Record<string, unknown>;
    }[];
    expect(new Set(list.map((s) => s.context.language))).toEqual(new Set(['en']));
    const completed = list.filter((s) => s.verb.id.endsWith('/completed'));
    expect(completed).toHaveLength(1); // session 1 only: no course statement, the course is not complete
    expect(Object.keys(completed[0]!.object.definition.name!).sort()).toEqual(['en', 'zh-CN']);
    expect(completed[0]!.result).not.toHaveProperty('extensions');
    expect(list.filter((s) => s.verb.id.endsWith('/answered'))).toHaveLength(8);
    // The answered statements describe the installed questions.
    const answered = list.find((s) => s.verb.id.endsWith('/answered') && s.object.id.endsWith('/s1-q1'))!;
    expect(answered.object.definition.name).toBeDefined();
  });
});

describe('packTitles', () => {
  it('gives the pack and each session in the pack language and every translation', async () => {
    const { core } = await openCore();
    open.push(core);
    const t = packTitles(core.db, PACK);
    expect(Object.keys(t.pack).sort()).toEqual(['en', 'zh-CN']);
    expect(t.pack.en).toBe('Hubei special training class');
    expect([...t.sessions.keys()]).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    for (const titles of t.sessions.values()) expect(Object.keys(titles).sort()).toEqual(['en', 'zh-CN']);
    expect(t.sessions.get('s1')!['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(t.sessions.get('s1')!.en).not.toBe(t.sessions.get('s1')!['zh-CN']);
  });

  it('is empty for a pack that is not installed', async () => {
    const { core } = await openCore();
    open.push(core);
    const t = packTitles(core.db, 'no-such-pack');
    expect(t.pack).toEqual({});
    expect(t.sessions.size).toBe(0);
  });
});
