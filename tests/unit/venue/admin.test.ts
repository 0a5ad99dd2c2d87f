import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import type { StudyRecord } from '../../../src/shared/contract/records';
import { repoRoot } from '../support/core';
import { honestParticipant } from './honest';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

type Opened = Awaited<ReturnType<typeof honestParticipant>>;
const fails = async (p: Opened, name: Parameters<Opened['dispatch']>[0], input: unknown) => {
  const reply = await p.dispatch(name, input);
  if (reply.ok) throw new Error(`${String(name)} succeeded`);
  return { code: reply.error.code, reason: reply.error.detail?.reason };
};

async function venueOn(pin = '2468') {
  const p = await honestParticipant(open);
  await p.call('venueMode.set', { enabled: true, pin });
  return p;
}

describe('venue mode', () => {
  it('keeps the administration closed until it is turned on, and behind its PIN', async () => {
    const p = await honestParticipant(open);
    expect(await p.call('venueMode.get', {})).toEqual({ enabled: false, hasPin: false, unlocked: false });
    expect(await fails(p, 'admin.profiles', {})).toEqual({ code: 'FORBIDDEN', reason: 'venue.mode.off' });
    expect(await p.call('venueMode.set', { enabled: true, pin: '2468' })).toEqual({
      enabled: true,
      hasPin: true,
      unlocked: true,
    });
    await p.call('venueMode.lock', {});
    expect(await fails(p, 'admin.profiles', {})).toEqual({ code: 'FORBIDDEN', reason: 'venue.mode.locked' });
    expect(await fails(p, 'venue.import', { files: [] })).toEqual({ code: 'FORBIDDEN', reason: 'venue.mode.locked' });
    expect(await fails(p, 'venueMode.unlock', { pin: '1111' })).toEqual({
      code: 'PIN_WRONG',
      reason: 'venue.mode.pinWrong',
    });
    // Turning it off needs the PIN too.
    expect(await fails(p, 'venueMode.set', { enabled: false })).toMatchObject({ code: 'PIN_REQUIRED' });
    await p.call('venueMode.unlock', { pin: '2468' });
    expect((await p.call('admin.profiles', {})).profiles).toHaveLength(1);
  });
});

describe('administrative actions', () => {
  it('corrects a name and unit, keeps the history, and the record carries it', async () => {
    const p = await venueOn();
    const [me] = (await p.call('admin.profiles', {})).profiles;
    const { history } = await p.call('admin.editProfile', {
      id: me!.id,
      name: '张叁',
      unit: '省委宣传部',
      venue: me!.venue,
    });
    expect(history.map((h) => [h.field, h.from, h.to])).toEqual([
      ['name', '张三', '张叁'],
      ['unit', '省委组织部', '省委宣传部'],
    ]);
    const file = await p.call('records.export', { format: 'json' });
    const { record } = JSON.parse(file.content) as { record: StudyRecord };
    expect(record.participant).toMatchObject({ name: '张叁', unit: '省委宣传部' });
    expect(record.evidence.profileChanges).toHaveLength(2);
    const report = await p.call('venue.import', { files: [{ name: 'r.json', content: file.content }] });
    expect(report.rejected).toEqual([]);
    expect(report.participants[0]!.name).toBe('张叁');
  });

  it('deletes a profile only after its name is typed, archiving everything it did', async () => {
    const p = await venueOn();
    const [me] = (await p.call('admin.profiles', {})).profiles;
    expect(await fails(p, 'admin.deleteProfile', { id: me!.id, confirmName: '李四' })).toEqual({
      code: 'CONFLICT',
      reason: 'admin.profile.confirmMismatch',
    });
    const attempts = (p.core.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
    const { archiveId, rows } = await p.call('admin.deleteProfile', { id: me!.id, confirmName: ' 张三 ' });
    expect(rows).toBeGreaterThan(attempts);
    expect((await p.call('profiles.list', {})).profiles).toEqual([]);
    expect((p.core.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n).toBe(0);
    const archived = p.core.db.prepare('SELECT name, data FROM archived_profiles WHERE id = ?').get(archiveId) as {
      name: string;
      data: string;
    };
    expect(archived.name).toBe('张三');
    const data = JSON.parse(archived.data) as { tables: Record<string, unknown[]> };
    expect(data.tables.attempts).toHaveLength(attempts);
    expect(data.tables.answers!.length).toBeGreaterThan(0);
    expect(data.tables.session_completions).toHaveLength(1);
  });

  it('resets a forgotten participant PIN with the venue PIN', async () => {
    const p = await venueOn();
    const other = await p.call('profiles.create', { name: '李四', unit: '省民政厅', pin: '1357' });
    expect(await fails(p, 'admin.resetPin', { id: other.id, venuePin: '0000', newPin: '9999' })).toEqual({
      code: 'PIN_WRONG',
      reason: 'venue.mode.pinWrong',
    });
    await p.call('admin.resetPin', { id: other.id, venuePin: '2468', newPin: '9999' });
    await p.call('profiles.signOut', {});
    expect(await fails(p, 'profiles.select', { id: other.id, pin: '1357' })).toMatchObject({ code: 'PIN_WRONG' });
    expect((await p.call('profiles.select', { id: other.id, pin: '9999' })).name).toBe('李四');
  });

  it('removes an installed pack with its progress archived, but not the built-in one', async () => {
    const p = await venueOn();
    const keys = generateKeyPair();
    const mini = await buildPack(join(repoRoot, 'tests/fixtures/packs/mini'), keys.privateKeyPem);
    await p.core.library.installBytes(mini, 'mini.studypack', { trustPublisher: true, allowDowngrade: false });
    await p.call('reading.save', { packId: 'mini-pack', sessionId: 's1', position: 0.5 });
    const builtin = p.core.library.resolve();
    expect(await fails(p, 'admin.removePack', { packId: builtin, confirm: true })).toEqual({
      code: 'FORBIDDEN',
      reason: 'admin.pack.builtin',
    });
    expect(await p.call('admin.removePack', { packId: 'mini-pack', confirm: true })).toEqual({ archived: 1 });
    expect((await p.call('library.list', {})).packs.map((x) => x.id)).toEqual([builtin]);
    const kept = p.core.db.prepare("SELECT kind, item_id FROM archived_progress WHERE pack_id = 'mini-pack'").all();
    expect(kept).toEqual([{ kind: 'reading', item_id: 's1' }]);
  });
});
