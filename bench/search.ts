import { join } from 'node:path';
import { buildPack } from '../src/core/packs/build';
import type { SessionFile } from '../src/shared/pack/schema';
import { openBenchCore, repoRoot, type BenchContext } from './lib/app';
import { bytes, count, ms, ratio, type FigureResult } from './lib/format';
import {
  CHINESE_WORDS,
  ENGLISH_WORDS,
  RARE_CHINESE,
  RARE_ENGLISH,
  createRng,
  folderStats,
  mixedSentence,
  readableMaterial,
  seededKeyPair,
  singleQuestion,
  textOfSize,
  writePackFolder,
  type FolderStats,
  type Rng,
  type SyntheticSession,
} from './lib/synthetic';
import { now, percentile } from './lib/stats';

/**
 * Figure 4: `search.query` (the search box's call) on a synthetic pack with 100 times the built-in
 * pack's material, built with buildPack and installed by the core so the trigram index is filled
 * the real way. Baseline: a plain case-insensitive substring scan (indexOf) over exactly the text
 * the index holds, kept in memory, returning the same number of hits. Queries of three or more
 * characters go through FTS5; two-character ones (common in Chinese) through the LIKE fallback.
 */

const SCALE = 100;
const HIT_LIMIT = 51; // search() fetches 50 + 1 to know whether it truncated

/**
 * Every part of the built-in pack times `scale`, session by session: material bytes, key point
 * text (100 key points, the schema's maximum per session), the session file (filled up with up to
 * 200 questions) and the source text; so the folder comes out at about `scale` times the built-in
 * folder. Key point and question sources are sentences of the material, which the source holds.
 */
function searchPack(
  rng: Rng,
  builtin: FolderStats,
  scale: number,
): { sessions: SyntheticSession[]; sourceText: string } {
  const sessions: SyntheticSession[] = [];
  const sentencePool: string[] = [];
  builtin.sessions.forEach((b, i) => {
    const title = `第${i + 1}讲 Session ${i + 1}`;
    const { text, sentences } = readableMaterial(rng, title, b.materialBytes * scale, 0.002);
    sentencePool.push(...sentences);
    const quote = () => sentences[rng.int(sentences.length)]!;
    const keyPoints = Array.from({ length: 100 }, (_, k) => ({
      id: `${b.id}-kp${k + 1}`,
      text: textOfSize(rng, (b.keyPointTextBytes * scale) / 100, 1000, 0.01),
      source: quote(),
    }));
    const content: SessionFile = { keyPoints, quiz: { passMark: 0.8, questions: [] } };
    const target = b.contentBytes * scale;
    let size = Buffer.byteLength(JSON.stringify(content, null, 2));
    while (size < target && content.quiz.questions.length < 200) {
      const q = singleQuestion(`${b.id}-q${content.quiz.questions.length + 1}`, quote(), {
        prompt: textOfSize(rng, 900, 2000),
        explanation: textOfSize(rng, 1200, 2000),
        options: Array.from({ length: 4 }, () => textOfSize(rng, 150, 500)),
      });
      content.quiz.questions.push(q);
      size += Buffer.byteLength(JSON.stringify(q, null, 2)) + 8;
    }
    sessions.push({ id: b.id, title, summary: mixedSentence(rng), material: text, content });
  });
  // The source text: material sentences (so every quote is in it), as long as the built-in's times scale.
  const source: string[] = [];
  let bytesSoFar = 0;
  for (let i = 0; bytesSoFar < builtin.sourceBytes * scale && i < sentencePool.length; i++) {
    source.push(sentencePool[i]!);
    bytesSoFar += Buffer.byteLength(sentencePool[i]!) + 1;
  }
  const quoted = new Set(
    sessions.flatMap((s) => [
      ...s.content.keyPoints.map((k) => k.source),
      ...s.content.quiz.questions.map((q) => q.source),
    ]),
  );
  const inSource = new Set(source);
  const missing = [...quoted].filter((q) => !inSource.has(q));
  return { sessions, sourceText: [...source, ...missing].join(' ') };
}

/** Deterministic query sets: common and rare words, two-word phrases, and misses. */
function queries(rng: Rng) {
  const longChinese = CHINESE_WORDS.filter((w) => w.length >= 3);
  const twoChinese = CHINESE_WORDS.filter((w) => w.length === 2);
  const english = ENGLISH_WORDS.filter((w) => w.length >= 4);
  const fts = [
    ...Array.from({ length: 6 }, () => rng.pick(english)),
    ...Array.from({ length: 4 }, () => `${rng.pick(english)} ${rng.pick(english)}`),
    ...RARE_ENGLISH.slice(0, 3),
    'xylophonist',
    ...longChinese.slice(0, 3),
    ...Array.from({ length: 5 }, () => `${rng.pick(twoChinese)}${rng.pick(twoChinese)}`),
    ...RARE_CHINESE.slice(0, 3),
    '量子纠缠态',
  ];
  const like = [...Array.from({ length: 10 }, () => rng.pick(twoChinese)), '鲲鹏', '饕餮'];
  return { fts, like };
}

export async function search(ctx: BenchContext): Promise<FigureResult> {
  const scale = ctx.quick ? 20 : SCALE;
  const reps = ctx.quick ? 5 : 20;
  const rng = createRng(4);
  const folder = ctx.dir('search-pack');
  const builtin = folderStats(join(repoRoot, 'packs', 'training-class'));
  const pack = searchPack(rng, builtin, scale);
  writePackFolder(folder, {
    id: 'bench-search',
    version: '1.0.0',
    title: 'Search benchmark pack',
    description: `${scale} times the built-in material`,
    ...pack,
  });
  const builtinBytes = builtin.totalBytes;
  const folderBytes = folderStats(folder).totalBytes;
  const keys = seededKeyPair(4);
  let t0 = now();
  const packBytes = await buildPack(folder, keys.privateKeyPem);
  ctx.log(`search: built a ${bytes(packBytes.length)} pack in ${ms(now() - t0)}`);

  const bench = await openBenchCore(ctx, ctx.dir('search-data'));
  try {
    await bench.call('profiles.create', { name: 'Bench participant', unit: 'Bench unit' });
    t0 = now();
    const installed = await bench.core.library.installBytes(packBytes, 'search.studypack', {
      trustPublisher: true,
      allowDowngrade: false,
    });
    const installMs = now() - t0;
    await bench.call('library.activate', { packId: installed.packId });
    ctx.log(`search: installed and indexed in ${ms(installMs)}`);

    // Exactly the rows the index holds for this pack (material and key points; no notes exist).
    const bodies = (
      bench.core.db.prepare('SELECT body FROM search_index WHERE pack_id = ?').all(installed.packId) as {
        body: string;
      }[]
    ).map((r) => r.body);
    const lowered = bodies.map((b) => b.toLowerCase());
    const textBytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);
    const scan = (q: string): number => {
      const needle = q.toLowerCase();
      let hits = 0;
      for (const body of lowered) if (body.indexOf(needle) !== -1 && ++hits >= HIT_LIMIT) break;
      return hits;
    };

    const { fts, like } = queries(rng);
    const run = async (qs: string[]) => {
      const index: number[] = [];
      const plain: number[] = [];
      let hits = 0;
      for (let r = 0; r < reps; r++) {
        for (const query of qs) {
          let t = now();
          const res = await bench.call('search.query', { query });
          index.push(now() - t);
          if (r === 0) hits += res.hits.length;
          t = now();
          scan(query);
          plain.push(now() - t);
        }
      }
      return { index, plain, hits };
    };
    const a = await run(fts);
    const b = await run(like);
    // Where the time goes: the index lookup alone, without loading bodies or building snippets.
    const match = bench.core.db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ?');
    const lookup: number[] = [];
    for (const query of fts.filter((q) => [...q].length >= 3)) {
      const t = now();
      match.all(`"${query.replace(/"/g, '""')}"`);
      lookup.push(now() - t);
    }
    const p95 = (xs: number[]) => percentile(xs, 95);
    return {
      rows: [
        {
          figure: `search: FTS p95, ${fts.length} queries of 3+ chars x ${reps}`,
          measured: ms(p95(a.index)),
          baseline: `substring scan: ${ms(p95(a.plain))}`,
          ratio: ratio(p95(a.index), p95(a.plain)),
        },
        {
          figure: `search: 2-char Chinese (LIKE) p95, ${like.length} queries x ${reps}`,
          measured: ms(p95(b.index)),
          baseline: `substring scan: ${ms(p95(b.plain))}`,
          ratio: ratio(p95(b.index), p95(b.plain)),
        },
      ],
      notes: [
        `search: pack of ${pack.sessions.length} sessions, each part ${scale} x the built-in one (folder ${bytes(folderBytes)} = ` +
          `${(folderBytes / builtinBytes).toFixed(0)} x the built-in folder's ${bytes(builtinBytes)}; ${pack.sessions.length * 100} key points, ` +
          `${pack.sessions.reduce((n, s) => n + s.content.quiz.questions.length, 0)} questions), .studypack ${bytes(packBytes.length)}, ` +
          `verified + installed + indexed in ${ms(installMs)}; ${count(bodies.length)} indexed rows, ${bytes(textBytes)} of text. ` +
          `Timed: search.query through the dispatcher (zod, SQL, snippets) vs indexOf over lower-cased copies of the same rows ` +
          `(stopping at ${HIT_LIMIT} hits like the query). FTS queries: ${fts.join(', ')} (first pass ${a.hits} hits); ` +
          `LIKE queries: ${like.join(', ')} (${b.hits} hits). The FTS MATCH alone (rowids only, no bodies, no snippets) has p95 ${ms(p95(lookup))}.`,
      ],
    };
  } finally {
    bench.core.close();
  }
}
