import { verify as edVerify, createPublicKey } from 'node:crypto';
import { canonicalJson } from '../src/core/records/canonical';
import { installationIdFor } from '../src/core/records/identity';
import { signedRecordText, signRecord } from '../src/core/records/record';
import { verifyRecordText } from '../src/core/records/verify';
import type { StudyRecord } from '../src/shared/contract/records';
import type { RecordFile } from '../src/shared/contract/venue';
import { MAX_BATCH_FILES } from '../src/shared/records';
import { openBenchCore, type BenchContext, type BenchCore } from './lib/app';
import { count, ms, ratio, type FigureResult } from './lib/format';
import { chineseName, createRng, seededKeyPair, type Rng } from './lib/synthetic';
import { median, now } from './lib/stats';

/**
 * Figure 6: a venue operator imports participants' signed completion records (venue.begin, then
 * venue.addBatch per 500 files as the renderer sends them, then venue.finish with a roster) through
 * the dispatcher. 1,000 and 10,000 records; linear scaling gives a ratio of 10.0. Records are
 * made with the records module's own signRecord/signedRecordText from one real export, varied per
 * participant and signed by seeded per-laptop installation keys.
 */

const UNITS = [
  '省财政厅',
  '省教育厅',
  '省民政厅',
  '省交通运输厅',
  '省农业农村厅',
  '省卫生健康委',
  '省科技厅',
  '省商务厅',
];

function varied(base: StudyRecord, rng: Rng, i: number, machine: { id: string; publicKey: string }): StudyRecord {
  const sessions = base.sessions.map((s) => {
    const roll = rng.next();
    const status = roll < 0.6 ? 'complete' : roll < 0.85 ? 'in-progress' : 'not-started';
    const done = status === 'complete';
    const best =
      status === 'not-started' ? null : Math.round((done ? 0.8 + rng.next() * 0.2 : rng.next() * 0.8) * 10) / 10;
    return {
      ...s,
      status,
      reading: {
        fraction: done ? 1 : status === 'in-progress' ? 0.5 : 0,
        reachedEnd: done,
        seconds: done ? 600 + rng.int(1200) : 0,
      },
      keyPoints: { reviewed: done ? s.keyPoints.total : 0, total: s.keyPoints.total },
      quiz: {
        ...s.quiz,
        attempts: best === null ? 0 : 1 + rng.int(3),
        bestScore: best,
        latestScore: best,
        passed: done,
      },
      completedAt: done ? `2025-03-0${1 + (i % 9)}T0${i % 10}:00:00.000Z` : null,
      fraction: done ? 1 : status === 'in-progress' ? 0.5 : 0,
    } as const;
  });
  const completed = sessions.filter((s) => s.status === 'complete').length;
  return {
    ...base,
    installation: machine,
    participant: {
      profileId: 1 + (i % 3),
      name: chineseName(rng),
      unit: UNITS[rng.int(UNITS.length)]!,
      venue: '武汉分会场',
    },
    exportedAt: `2025-03-10T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`,
    sessions,
    overall: {
      completed,
      total: sessions.length,
      fraction: completed / sessions.length,
      completedAt: completed === sessions.length ? '2025-03-09T12:00:00.000Z' : null,
    },
  };
}

/** `n` record files; up to three profiles share a laptop (installation), as on a shared computer. */
function recordFiles(base: StudyRecord, n: number): { files: RecordFile[]; roster: string } {
  const rng = createRng(6);
  const files: RecordFile[] = [];
  const roster: string[] = ['姓名,工作单位'];
  let machine: ReturnType<typeof seededKeyPair> & { id: string } = { ...seededKeyPair(10_000), id: '' };
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) {
      const keys = seededKeyPair(10_000 + i);
      machine = { ...keys, id: installationIdFor(keys.publicKey) };
    }
    const record = varied(base, rng, i, { id: machine.id, publicKey: machine.publicKey });
    files.push({
      name: `study-record-${i}.json`,
      content: signedRecordText(signRecord(record, machine.privateKeyPem)),
    });
    roster.push(`${record.participant.name},${record.participant.unit}`);
  }
  return { files, roster: roster.join('\r\n') };
}

interface Run {
  ms: number;
  /** Of which venue.finish (report, sorting, roster matching). */
  finishMs: number;
  accepted: number;
}

async function importAll(bench: BenchCore, files: RecordFile[], roster: string): Promise<Run> {
  const t0 = now();
  const { importId } = await bench.call('venue.begin', {});
  for (let i = 0; i < files.length; i += MAX_BATCH_FILES) {
    await bench.call('venue.addBatch', { importId, files: files.slice(i, i + MAX_BATCH_FILES) });
  }
  const t1 = now();
  const report = await bench.call('venue.finish', { importId, roster });
  const first = report.rejected[0];
  if (first) throw new Error(`record ${first.file} rejected: ${first.reason} ${first.detail}`);
  return { ms: now() - t0, finishMs: now() - t1, accepted: report.files.accepted };
}

export async function venue(ctx: BenchContext): Promise<FigureResult> {
  const small = ctx.quick ? 200 : 1000;
  const large = small * 10;
  const bench = await openBenchCore(ctx, ctx.dir('venue-data'));
  try {
    await bench.call('profiles.create', { name: '张三', unit: '省财政厅', venue: '武汉分会场' });
    const exported = await bench.call('records.export', { format: 'json' });
    const v = verifyRecordText(exported.content);
    if (!v.ok) throw new Error(`the app's own export does not verify: ${v.detail}`);
    let t0 = now();
    const all = recordFiles(v.record, large);
    ctx.log(`venue: made ${count(large)} signed records in ${ms(now() - t0)}`);
    const firstRoster = all.roster
      .split('\r\n')
      .slice(0, small + 1)
      .join('\r\n');
    const smallFiles = all.files.slice(0, small);

    const smallRuns: Run[] = [];
    const largeRuns: Run[] = [];
    // Warm-up (JIT, zod schemas) is one small import, discarded; then small and large alternate.
    await importAll(bench, smallFiles, firstRoster);
    const rounds = ctx.quick ? 2 : 3;
    for (let r = 0; r <= rounds; r++) {
      smallRuns.push(await importAll(bench, smallFiles, firstRoster));
      ctx.log(`venue: ${count(small)} records in ${ms(smallRuns.at(-1)!.ms)}`);
      if (r < rounds) {
        const res = await importAll(bench, all.files, all.roster);
        if (res.accepted !== large) throw new Error(`expected ${large} accepted records, got ${res.accepted}`);
        largeRuns.push(res);
        ctx.log(`venue: ${count(large)} records in ${ms(res.ms)}`);
      }
    }

    // The cryptographic floor: Ed25519 verification alone over the same signed texts.
    t0 = now();
    for (const f of all.files) {
      if (!('content' in f)) continue;
      const env = JSON.parse(f.content) as { record: StudyRecord; signature: string };
      const key = createPublicKey({
        key: {
          kty: 'OKP',
          crv: 'Ed25519',
          x: Buffer.from(env.record.installation.publicKey, 'base64').toString('base64url'),
        },
        format: 'jwk',
      });
      edVerify(null, Buffer.from(canonicalJson(env.record)), key, Buffer.from(env.signature, 'base64'));
    }
    const cryptoMs = now() - t0;
    const tSmall = median(smallRuns.map((r) => r.ms));
    const tLarge = median(largeRuns.map((r) => r.ms));
    const fSmall = median(smallRuns.map((r) => r.finishMs));
    const fLarge = median(largeRuns.map((r) => r.finishMs));
    return {
      rows: [
        {
          figure: `venue report: import ${count(large)} records (begin/addBatch/finish)`,
          measured: ms(tLarge),
          baseline: `${count(small)} records: ${ms(tSmall)}`,
          ratio: ratio(tLarge, tSmall),
        },
        {
          figure: `venue report: per record, ${count(large)} records`,
          measured: ms(tLarge / large),
          baseline: `parse + Ed25519 verify alone: ${ms(cryptoMs / large)}`,
          ratio: ratio(tLarge, cryptoMs),
        },
      ],
      notes: [
        `venue report: ratio 10.0 = linear. Medians of ${smallRuns.length} (${count(small)}) and ${largeRuns.length} (${count(large)}) imports after one warm-up; ` +
          `batches of ${MAX_BATCH_FILES} files, a roster CSV of every participant, up to 3 profiles per laptop key; ` +
          `record files ~${Math.round(all.files.reduce((n, f) => n + ('content' in f ? f.content.length : 0), 0) / large)} chars each. ` +
          `Of the totals, venue.finish (report: sort by unit and name, totals, roster match) took ${ms(fSmall)} and ${ms(fLarge)} ` +
          `(${ratio(fLarge, fSmall)}); begin + addBatch took ${ms(tSmall - fSmall)} and ${ms(tLarge - fLarge)} (${ratio(tLarge - fLarge, tSmall - fSmall)}). ` +
          `The floor is JSON.parse + canonical JSON + node:crypto Ed25519 verify per file, without the app's schema and identity checks.`,
      ],
    };
  } finally {
    bench.core.close();
  }
}
