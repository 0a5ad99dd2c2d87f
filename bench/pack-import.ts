import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack } from '../src/core/packs/build';
import { verifyPack } from '../src/core/packs/verify';
import type { SessionFile } from '../src/shared/pack/schema';
import { builtinResources, procMemory, repoRoot, startHostProcess, type BenchContext } from './lib/app';
import { bytes, ms, mbPerSecond, ratio, type FigureResult } from './lib/format';
import {
  createRng,
  deflateRatio,
  noiseString,
  noiseText,
  readableMaterial,
  seededKeyPair,
  singleQuestion,
  textOfSize,
  writePackFolder,
  type SyntheticSession,
} from './lib/synthetic';
import { median, now } from './lib/stats';

/**
 * Figure 5: verifying and importing a ~100 MB .studypack the way the import screen does it: the
 * file is uploaded to the browser host in chunks (library.uploadBegin/uploadChunk), then
 * `library.import` verifies it (zip rules, signature, every SHA-256, schema) and installs it in one
 * transaction, search index included. Reported as throughput, as a fraction of plain SHA-256 over
 * the same bytes measured in this run (the least any verification of the file must do).
 */

const SESSIONS = 50; // the schema's maximum
const FULL_SIZE = 100_000_000;
const CHUNK = 9_000_000; // bytes per uploadChunk: 12 M base64 characters, the contract's maximum
/** Quotes (key point and question sources) come from the start of the source text; see the note. */
const QUOTE_REGION = 200_000;

/**
 * A pack shaped like the built-in one, scaled up to `targetZipBytes`: most bytes in the session
 * files (key points and many long quiz questions), then the source text, then the material. Text
 * the app indexes for search (material, key point text) is readable mixed Chinese/English; text
 * it only stores (questions, source) is hard-to-compress noise, so the zip reaches its size
 * without gigabytes of raw text. The source text is sized last to bring the zip to the target.
 */
export function largePack(targetZipBytes: number) {
  const rng = createRng(5);
  const f = targetZipBytes / FULL_SIZE;
  const rNoise = deflateRatio(noiseText(createRng(55), 1_000_000, null, true));
  const head = noiseText(rng, QUOTE_REGION, null, true).toString('utf8');
  const quote = () => {
    const at = rng.int(head.length - 2000);
    return head.slice(at, at + 200 + rng.int(1300));
  };
  const sessions: SyntheticSession[] = [];
  let compressedEstimate = 0;
  let rContent = 0; // deflate ratio of a session file, from the first one
  let rawBytes = 0;
  let indexedBytes = 0;
  for (let i = 1; i <= SESSIONS; i++) {
    const id = `s${i}`;
    const { text: material } = readableMaterial(rng, `第${i}讲 Session ${i}`, Math.min(240_000, 400_000 * f), 0.001);
    const keyPoints = Array.from({ length: Math.max(10, Math.round(100 * f)) }, (_, k) => ({
      id: `${id}-kp${k + 1}`,
      text: textOfSize(rng, 600, 1000),
      source: quote(),
    }));
    const questions = Array.from({ length: Math.max(5, Math.round(200 * f)) }, (_, k) =>
      singleQuestion(`${id}-q${k + 1}`, quote(), {
        prompt: noiseString(rng, 1500),
        explanation: noiseString(rng, 1500),
        options: Array.from({ length: 8 }, () => noiseString(rng, 400)),
      }),
    );
    const content: SessionFile = { keyPoints, quiz: { passMark: 0.8, questions } };
    const materialBytes = Buffer.byteLength(material);
    const contentBytes = Buffer.byteLength(JSON.stringify(content, null, 2));
    const kpText = keyPoints.reduce((n, k) => n + Buffer.byteLength(k.text), 0);
    rContent ||= deflateRatio(Buffer.from(JSON.stringify(content, null, 2)));
    compressedEstimate +=
      deflateRatio(Buffer.from(material.slice(0, 100_000))) * materialBytes + rContent * contentBytes;
    rawBytes += materialBytes + contentBytes;
    indexedBytes += materialBytes + kpText;
    sessions.push({
      id,
      title: `第${i}讲 Session ${i}`,
      summary: `Session ${i} of the import benchmark.`,
      material,
      content,
    });
  }
  const tailBytes = Math.max(0, Math.min(60_000_000, (targetZipBytes - compressedEstimate) / rNoise - QUOTE_REGION));
  const sourceText = head + noiseText(rng, tailBytes, null).toString('utf8');
  rawBytes += Buffer.byteLength(sourceText);
  return { sessions, sourceText, rawBytes, indexedBytes, sourceBytes: Buffer.byteLength(sourceText) };
}

export async function packImport(ctx: BenchContext): Promise<FigureResult> {
  const target = ctx.quick ? FULL_SIZE / 10 : FULL_SIZE;
  const folder = ctx.dir('import-pack');
  let t0 = now();
  const pack = largePack(target);
  writePackFolder(folder, {
    id: 'bench-import',
    version: '1.0.0',
    title: 'Import benchmark pack',
    description: 'Seeded noise.',
    ...pack,
  });
  ctx.log(`import: wrote a ${bytes(pack.rawBytes)} pack folder in ${ms(now() - t0)}`);
  t0 = now();
  const packBytes = await buildPack(folder, seededKeyPair(5).privateKeyPem);
  ctx.log(`import: built and signed a ${bytes(packBytes.length)} .studypack in ${ms(now() - t0)}`);

  // Baseline: SHA-256 of the file, median of three.
  const sha: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = now();
    createHash('sha256').update(packBytes).digest();
    sha.push(now() - t0);
  }
  const shaMs = median(sha);

  t0 = now();
  await verifyPack(packBytes);
  const verifyMs = now() - t0;
  ctx.log(`import: verifyPack alone ${ms(verifyMs)}`);

  // The real import, in the browser host process (whose memory the memory figure reports).
  const dataDir = ctx.dir('import-data');
  const host = await startHostProcess({
    dataDir,
    rendererDir: join(repoRoot, 'out', 'renderer'),
    resourcesDir: await builtinResources(ctx),
  });
  let importMs: number;
  let uploadMs: number;
  try {
    const idleKb = procMemory(host.pid).rssKb;
    t0 = now();
    const { uploadId } = await host.call<{ uploadId: string }>('library.uploadBegin', {
      fileName: 'bench.studypack',
      size: packBytes.length,
    });
    for (let at = 0; at < packBytes.length; at += CHUNK) {
      const data = packBytes.subarray(at, at + CHUNK).toString('base64');
      await host.call('library.uploadChunk', { uploadId, offset: at, data });
    }
    uploadMs = now() - t0;
    ctx.log(`import: uploaded in ${ms(uploadMs)}; importing`);
    t0 = now();
    await host.call('library.import', { uploadId, trustPublisher: true });
    importMs = now() - t0;
    ctx.memory.import = { idleKb, peakKb: procMemory(host.pid).hwmKb, packBytes: packBytes.length };
  } finally {
    await host.stop();
  }
  const dbBytes = statSync(join(dataDir, 'progress.sqlite')).size;
  const n = packBytes.length;
  const mbps = (t: number) => n / t;
  return {
    rows: [
      {
        figure: `pack import: verify + install a ${bytes(n)} pack (library.import)`,
        measured: `${mbPerSecond(n, importMs)} (${ms(importMs)})`,
        baseline: `SHA-256 alone: ${mbPerSecond(n, shaMs)} (${ms(shaMs)})`,
        ratio: ratio(mbps(importMs), mbps(shaMs)),
      },
      {
        figure: `pack import: verify only (verifyPack, no install)`,
        measured: `${mbPerSecond(n, verifyMs)} (${ms(verifyMs)})`,
        baseline: `SHA-256 alone: ${mbPerSecond(n, shaMs)}`,
        ratio: ratio(mbps(verifyMs), mbps(shaMs)),
      },
    ],
    notes: [
      `pack import: seeded pack of ${SESSIONS} sessions shaped like the built-in one (${bytes(pack.rawBytes)} of files; ` +
        `${pack.sessions.reduce((k, s) => k + s.content.quiz.questions.length, 0)} long quiz questions and ` +
        `${pack.sessions.reduce((k, s) => k + s.content.keyPoints.length, 0)} key points of hard-to-compress text in the session files, ` +
        `a ${bytes(pack.sourceBytes)} source text, ${bytes(pack.indexedBytes)} of readable material and key point text that the search index takes in), ` +
        `.studypack ${bytes(n)}. Quotes come from the first ${bytes(QUOTE_REGION)} of the source text. ` +
        `Ratio = import throughput as a fraction of SHA-256 throughput over the same file. ` +
        `library.import timed in the host process after the upload (upload of ${Math.ceil(n / CHUNK)} base64 chunks over HTTP: ${ms(uploadMs)}, not included); ` +
        `it verifies the file, then installs it in one transaction that also fills the trigram index. ` +
        `Database after import: ${bytes(dbBytes)}. verifyPack alone ran in the bench process.`,
    ],
  };
}
