/**
 * A zip taken apart into its records and put back together, so a test can change one header field
 * (in one copy or in both), add an extra field, an entry comment or hidden bytes, and still get a
 * zip whose offsets, lengths and end record agree: the one change made is then the only thing
 * wrong with it. Works on the canonical layout (what the pack builder and rawZip write).
 */
export interface ZipRecord {
  /** The 30 fixed bytes of the local header (lengths and offsets are rewritten by joinZip). */
  local: Buffer;
  localName: Buffer;
  localExtra: Buffer;
  /** The entry's stored bytes, as counted by its compressed size. */
  data: Buffer;
  /** Bytes after the data that no header counts (hidden data). */
  after: Buffer;
  /** The 46 fixed bytes of the central record. */
  central: Buffer;
  name: Buffer;
  centralExtra: Buffer;
  comment: Buffer;
}

export interface SplitZip {
  records: ZipRecord[];
  /** The 22-byte end record (its counts, size and offset are rewritten by joinZip). */
  end: Buffer;
}

export function splitZip(bytes: Buffer): SplitZip {
  const endAt = bytes.length - 22;
  const end = Buffer.from(bytes.subarray(endAt));
  const count = end.readUInt16LE(10);
  let at = end.readUInt32LE(16);
  const records: ZipRecord[] = [];
  for (let i = 0; i < count; i++) {
    const central = Buffer.from(bytes.subarray(at, at + 46));
    const n = central.readUInt16LE(28);
    const x = central.readUInt16LE(30);
    const k = central.readUInt16LE(32);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + n));
    const centralExtra = Buffer.from(bytes.subarray(at + 46 + n, at + 46 + n + x));
    const comment = Buffer.from(bytes.subarray(at + 46 + n + x, at + 46 + n + x + k));
    at += 46 + n + x + k;
    const l = central.readUInt32LE(42);
    const local = Buffer.from(bytes.subarray(l, l + 30));
    const ln = local.readUInt16LE(26);
    const lx = local.readUInt16LE(28);
    const localName = Buffer.from(bytes.subarray(l + 30, l + 30 + ln));
    const localExtra = Buffer.from(bytes.subarray(l + 30 + ln, l + 30 + ln + lx));
    const start = l + 30 + ln + lx;
    const data = Buffer.from(bytes.subarray(start, start + central.readUInt32LE(20)));
    records.push({ local, localName, localExtra, data, after: Buffer.alloc(0), central, name, centralExtra, comment });
  }
  return { records, end };
}

/** Writes the records back with every length, offset and count recomputed from the parts. */
export function joinZip({ records, end }: SplitZip): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const r of records) {
    const local = Buffer.from(r.local);
    local.writeUInt16LE(r.localName.length, 26);
    local.writeUInt16LE(r.localExtra.length, 28);
    const central = Buffer.from(r.central);
    central.writeUInt16LE(r.name.length, 28);
    central.writeUInt16LE(r.centralExtra.length, 30);
    central.writeUInt16LE(r.comment.length, 32);
    central.writeUInt32LE(offset, 42);
    parts.push(local, r.localName, r.localExtra, r.data, r.after);
    centrals.push(central, r.name, r.centralExtra, r.comment);
    offset += 30 + r.localName.length + r.localExtra.length + r.data.length + r.after.length;
  }
  const directory = Buffer.concat(centrals);
  const e = Buffer.from(end);
  e.writeUInt16LE(records.length, 8);
  e.writeUInt16LE(records.length, 10);
  e.writeUInt32LE(directory.length, 12);
  e.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, e]);
}

/** `bytes` taken apart, changed by `edit`, and put back together. */
export function editZip(bytes: Buffer, edit: (zip: SplitZip) => void): Buffer {
  const zip = splitZip(bytes);
  edit(zip);
  return joinZip(zip);
}

/** One record by name. */
export function record(zip: SplitZip, name: string): ZipRecord {
  const r = zip.records.find((x) => x.name.toString('utf8') === name);
  if (!r) throw new Error(`no entry ${name}`);
  return r;
}
