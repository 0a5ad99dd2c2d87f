import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { verifyPack } from '../../../src/core/packs/verify';
import { expectRefusal, keys, MINI } from './helpers/pack';
import { rawZip } from './helpers/rawZip';
import { editZip, record, type SplitZip } from './helpers/zipRecords';

/**
 * The canonical-layout check (zip/layout.ts), one field or span at a time: every other byte of
 * each zip here is what the builder writes, and offsets, lengths and the end record agree, so
 * only the check under test can notice. Each case is made on the first entry and on the last,
 * where a missing check would show as a later, different refusal (another entry, or none).
 */

let packBytes: Buffer | undefined;
const pack = async () => (packBytes ??= await buildPack(MINI, keys().a.privateKeyPem));

const FIRST = 'SHA256SUMS';
const LAST = 'source/article.txt';

async function refusedFor(bytes: Buffer, entry: string | null) {
  return expectRefusal(verifyPack(bytes), 'PACK_INVALID', 'noncanonical-zip', entry);
}

it('the helper gives back the builder’s bytes when nothing is changed', async () => {
  const bytes = await pack();
  expect(editZip(bytes, () => {}).equals(bytes)).toBe(true);
  await expect(verifyPack(bytes)).resolves.toBeDefined();
});

/** Field, offset in the local header, size, a value the builder never writes there. */
const localOnly: Array<[string, number, 2 | 4, number]> = [
  ['signature', 0, 4, 0x08074b50],
  ['version needed', 4, 2, 45],
  ['compression method', 8, 2, 0],
  ['time', 10, 2, 0x1234],
  ['date', 12, 2, 0x5678],
  ['crc-32', 14, 4, 0xdeadbeef],
  ['compressed size', 18, 4, 7],
  ['size', 22, 4, 9],
];

describe('a local header field that differs from its central record', () => {
  for (const name of [FIRST, LAST]) {
    it.each(localOnly)(`%s, in ${name}`, async (field, at, size, value) => {
      const bytes = editZip(await pack(), (z) => {
        const l = record(z, name).local;
        if (size === 2) l.writeUInt16LE(value, at);
        else l.writeUInt32LE(value, at);
      });
      const e = await refusedFor(bytes, name);
      expect(e.message).toContain(`local header ${field} is ${value}`);
    });
  }

  it.each([FIRST, LAST])('a longer name that starts with the central one, in %s', async (name) => {
    const bytes = editZip(await pack(), (z) => {
      const r = record(z, name);
      r.localName = Buffer.concat([r.localName, Buffer.from('x')]);
    });
    const e = await refusedFor(bytes, name);
    expect(e.message).toContain(`local header name length is ${name.length + 1}`);
  });

  it.each([FIRST, LAST])('a name of the same length that differs, in %s', async (name) => {
    const bytes = editZip(await pack(), (z) => {
      const r = record(z, name);
      r.localName = Buffer.from(r.localName);
      r.localName[0] = 'Z'.charCodeAt(0);
    });
    await refusedFor(bytes, name);
  });

  it.each([FIRST, LAST])('an extra field in the local header only, in %s', async (name) => {
    const bytes = editZip(await pack(), (z) => {
      record(z, name).localExtra = Buffer.from([0xfe, 0xca, 0, 0]);
    });
    const e = await refusedFor(bytes, name);
    expect(e.message).toContain('local header extra field length is 4');
  });
});

describe('central record fields that have no copy in the local header', () => {
  const cases: Array<[string, (z: SplitZip, name: string) => void, string]> = [
    [
      'an extra field',
      (z, n) => (record(z, n).centralExtra = Buffer.from([0xfe, 0xca, 0, 0])),
      'extra field length is 4',
    ],
    ['an entry comment', (z, n) => (record(z, n).comment = Buffer.from('hi')), 'comment length is 2'],
  ];
  for (const name of [FIRST, LAST]) {
    it.each(cases)(`%s, in ${name}`, async (_what, edit, says) => {
      const e = await refusedFor(
        editZip(await pack(), (z) => edit(z, name)),
        name,
      );
      expect(e.message).toContain(`central ${says}`);
    });
  }

  it('a compression method other than stored or deflated never reaches the layout check', async () => {
    // The entry rules refuse it first (so the layout's own "stored or deflated" choice is a second line).
    const bytes = editZip(await pack(), (z) => {
      const r = record(z, LAST);
      r.local.writeUInt16LE(12, 8);
      r.central.writeUInt16LE(12, 10);
    });
    await expectRefusal(verifyPack(bytes), 'PACK_INVALID', 'unsupported-compression', LAST);
  });
});

describe('spans: entries back to back from offset 0 up to the central directory', () => {
  it('refuses bytes between the last entry and the central directory', async () => {
    const bytes = editZip(await pack(), (z) => (record(z, LAST).after = Buffer.from('hidden')));
    const e = await refusedFor(bytes, null);
    expect(e.message).toMatch(/between the last entry and the central directory/);
  });

  it('refuses bytes between two entries, naming the entry after them', async () => {
    const bytes = editZip(await pack(), (z) => (record(z, FIRST).after = Buffer.from('hidden')));
    await refusedFor(bytes, 'SHA256SUMS.sig');
  });

  it('refuses an entry whose record points past a copy of its local header, naming that entry', async () => {
    // A full copy of the second entry (header, name, data) sits where it should start; its central
    // record points to the real one after it. Read from where the entry should be, the copy
    // matches: only the offset itself tells the two apart.
    const bytes = editZip(await pack(), (z) => {
      const second = z.records[1]!;
      z.records[0]!.after = Buffer.concat([second.local, second.localName, second.localExtra, second.data]);
    });
    await refusedFor(bytes, 'SHA256SUMS.sig');
  });

  it('refuses a local header whose name runs into the central directory by one byte', async () => {
    // The last entry is named "bP"; the file is cut so that its local name's "P" is the first byte
    // of the central directory ("PK\x01\x02"). Read naively, that header matches its record.
    const full = rawZip([
      { name: 'a.md', data: Buffer.from('# a') },
      { name: 'bP', method: 0 },
    ]);
    const end = full.length - 22;
    const centralOffset = full.readUInt32LE(end + 16);
    expect(full[centralOffset - 1]).toBe('P'.charCodeAt(0));
    const cut = Buffer.concat([full.subarray(0, centralOffset - 1), full.subarray(centralOffset)]);
    cut.writeUInt32LE(centralOffset - 1, cut.length - 22 + 16);
    expect(cut[centralOffset - 1]).toBe('P'.charCodeAt(0));
    const e = await refusedFor(cut, 'bP');
    expect(e.message).toMatch(/runs into the central directory/);
  });

  it('refuses a central directory with more records than the end record counts', async () => {
    const bytes = Buffer.from(await pack());
    const end = bytes.length - 22;
    const count = bytes.readUInt16LE(end + 10) - 1;
    bytes.writeUInt16LE(count, end + 8);
    bytes.writeUInt16LE(count, end + 10);
    const e = await refusedFor(bytes, null);
    expect(e.message).toMatch(/central directory has bytes no entry accounts for/);
  });

  it('refuses a data span that runs over the next local header', async () => {
    // The first entry claims (in both headers) the bytes of the second one as its own data, and
    // the second's central record points just past that claim, into the central directory.
    const z = Buffer.from(await pack());
    const centralOffset = z.readUInt32LE(z.length - 22 + 16);
    const first = centralOffset; // SHA256SUMS's central record; its local header is at 0
    const n1 = z.readUInt16LE(first + 28);
    const second = first + 46 + n1;
    const n2 = z.readUInt16LE(second + 28);
    const compressed = centralOffset - (30 + n1) - (30 + n2) + 1; // one byte too far
    z.writeUInt32LE(compressed, first + 20);
    z.writeUInt32LE(compressed, 18);
    z.writeUInt32LE(30 + n1 + compressed, second + 42);
    const e = await refusedFor(z, 'SHA256SUMS.sig');
    expect(e.message).toMatch(/runs into the central directory/);
  });

  it('accepts a last entry with no data that ends exactly where the central directory starts', async () => {
    // Stored and empty: its local header is the last thing before the central directory.
    const bytes = rawZip([
      { name: 'a.md', data: Buffer.from('# a') },
      { name: 'z.mp3', method: 0 },
    ]);
    // Past the layout check, the next refusal is the missing signature.
    await expectRefusal(verifyPack(bytes), 'PACK_SIGNATURE', 'unsigned', 'SHA256SUMS');
  });
});
