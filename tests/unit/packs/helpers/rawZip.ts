import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A tiny zip writer for tests: local headers + data + central directory + end record, with every
 * field overridable, so hostile archives yazl refuses to produce (absolute names, links, lies
 * about sizes, encryption flags) can be made by hand. Defaults match the pack builder's output.
 */
export interface RawEntry {
  name: string | Buffer;
  data?: Buffer;
  method?: number;
  flags?: number;
  /** Flags for the local header only (defaults to `flags`). */
  localFlags?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
  /** Uncompressed size written in the headers (defaults to data.length). */
  declaredSize?: number;
  /** Bytes stored in the zip (defaults to deflate(data) or data for method 0). */
  stored?: Buffer;
  crc?: number;
  /** Name written in the local header (defaults to `name`). */
  localName?: string | Buffer;
}

export interface RawZipOptions {
  prefix?: Buffer;
  trailing?: Buffer;
  comment?: Buffer;
  /** Overrides the entry count in the end record. */
  entryCount?: number;
  /** Deflate level (default 6, like the builder); 1 is much faster for big test packs. */
  level?: number;
}

const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function rawZip(entries: RawEntry[], opts: RawZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  if (opts.prefix) {
    parts.push(opts.prefix);
    offset += opts.prefix.length;
  }
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const localName =
      e.localName === undefined ? name : typeof e.localName === 'string' ? Buffer.from(e.localName) : e.localName;
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 8;
    const stored = e.stored ?? (method === 8 ? deflateRawSync(data, { level: opts.level ?? 6 }) : data);
    const flags = e.flags ?? 0x0800;
    const crc = e.crc ?? crc32(data);
    const size = e.declaredSize ?? data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.localFlags ?? flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.versionMadeBy ?? (3 << 8) | 63, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((e.externalAttributes ?? 0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    parts.push(local, localName, stored);
    offset += local.length + localName.length + stored.length;
  }
  const cd = Buffer.concat(centrals);
  const comment = opts.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = opts.entryCount ?? entries.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, end, comment, opts.trailing ?? Buffer.alloc(0)]);
}
