import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { KeyPair } from '../../src/core/packs/keys';
import { publicKeyFromPrivate } from '../../src/core/packs/keys';
import type { Manifest, Question, SessionFile } from '../../src/shared/pack/schema';

/**
 * Deterministic synthetic data: every generator takes a seed, so two runs build byte-identical
 * packs and records (Ed25519 signatures are deterministic too), and figures compare like with like.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  u32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast and good enough for test data (not for anything secret). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const u32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => u32() / 4294967296;
  return { u32, next, int: (n) => Math.floor(next() * n), pick: (items) => items[Math.floor(next() * items.length)]! };
}

/** An Ed25519 key pair derived from the seed (PKCS#8 wrapping of a 32-byte seed). */
export function seededKeyPair(seed: number): KeyPair {
  const rng = createRng(seed);
  const raw = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) raw[i] = rng.u32() & 0xff;
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), raw]);
  const privateKeyPem = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return { privateKeyPem, publicKey: publicKeyFromPrivate(privateKeyPem) };
}

// --- Readable mixed Chinese / English text (search figure) -------------------------------------

export const CHINESE_WORDS = (
  '学习 干部 发展 改革 人民 建设 经济 社会 文化 制度 创新 治理 基层 服务 群众 作风 纪律 监督 责任 担当 政治 思想 理论 实践 精神 会议 部署 落实 推进 坚持 ' +
  '全面 深化 加强 提高 能力 水平 队伍 组织 领导 班子 青年 培训 专题 辅导 报告 调研 问题 目标 任务 措施 成效 质量 安全 生态 环境 农村 城市 产业 科技 人才 ' +
  '教育 医疗 民生 法治 廉洁 反腐 作为 奋斗 新时代 高质量 先行区 示范 战略 规划 蓝图 基础 形势 机遇 挑战 风险 底线 标准 规范 程序 公开 透明 效率 协调 开放 ' +
  '共享 绿色 智慧 数字 平台 机制 体系 方案 考核'
).split(' ');

export const ENGLISH_WORDS = (
  'study cadre session report reform development people province party committee meeting ' +
  'training class spirit speech decision deployment congress leading standing member ' +
  'government political court procurator venue branch video conference theme special ' +
  'counseling key pilot area journey revolution foundation blueprint duty responsibility ' +
  'discipline uprightness corruption fight team young command implement understand emphasize ' +
  'strengthen improve promote practice policy economy society culture system innovation ' +
  'governance service public style supervision quality safety ecology rural urban industry ' +
  'science talent education health livelihood law integrity struggle strategy plan risk ' +
  'standard procedure efficiency openness green digital platform mechanism assessment goal ' +
  'task measure result progress level the and of to in for with on as by at from must will ' +
  'all new'
).split(' ');

/** Tokens seeded sparsely so some queries match a handful of places, not every session. */
export const RARE_ENGLISH = ['quillwort', 'bramblefen', 'tarnhollow', 'moorgrove', 'wyvernmark', 'glimmerbrook'];
export const RARE_CHINESE = ['琥珀湾', '青萝渡', '雁栖坞', '松涛岭', '银杏塬', '霁月台'];

export function chineseSentence(rng: Rng, rare = 0): string {
  const n = 6 + rng.int(12);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.next() < rare ? rng.pick(RARE_CHINESE) : rng.pick(CHINESE_WORDS));
  return `${words.join(rng.next() < 0.3 ? '，' : '')}。`;
}

export function englishSentence(rng: Rng, rare = 0): string {
  const n = 6 + rng.int(14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.next() < rare ? rng.pick(RARE_ENGLISH) : rng.pick(ENGLISH_WORDS));
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

export const mixedSentence = (rng: Rng, rare = 0): string =>
  rng.next() < 0.5 ? chineseSentence(rng, rare) : englishSentence(rng, rare);

/** Markdown material of about `targetBytes` UTF-8 bytes: headings and paragraphs of mixed sentences. */
export function readableMaterial(
  rng: Rng,
  title: string,
  targetBytes: number,
  rare: number,
): { text: string; sentences: string[] } {
  const parts = [`# ${title}\n`];
  const sentences: string[] = [];
  let size = Buffer.byteLength(parts[0]!);
  let paragraph = 0;
  while (size < targetBytes) {
    if (paragraph % 5 === 0) {
      const h = `\n## ${englishSentence(rng).slice(0, 40)} ${chineseSentence(rng).slice(0, 8)}\n`;
      parts.push(h);
      size += Buffer.byteLength(h);
    }
    const ss = Array.from({ length: 2 + rng.int(5) }, () => mixedSentence(rng, rare));
    sentences.push(...ss);
    const p = `\n${ss.join(' ')}\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
    paragraph++;
  }
  return { text: parts.join(''), sentences };
}

// --- Hard-to-compress text (import figure) ------------------------------------------------------

const ALPHABET = Buffer.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');

/**
 * Valid UTF-8 that deflate can barely shrink: words of random letters and digits, about one
 * character in ten a random CJK ideograph, paragraphs (or, with `flat`, one line). Written byte by
 * byte for speed; about `targetBytes` long.
 */
export function noiseText(rng: Rng, targetBytes: number, heading: string | null, flat = false): Buffer {
  const head = Buffer.from(heading === null ? '' : `# ${heading}\n\n`);
  const buf = Buffer.allocUnsafe(targetBytes + head.length + 8);
  head.copy(buf, 0);
  let i = head.length;
  let wordLeft = 2 + rng.int(9);
  let wordsLeft = 60 + rng.int(60);
  while (i < targetBytes + head.length) {
    const x = rng.u32();
    if (wordLeft === 0) {
      wordLeft = 2 + ((x >>> 8) % 9);
      if (--wordsLeft === 0 && !flat) {
        wordsLeft = 60 + ((x >>> 16) % 60);
        buf[i++] = 0x0a;
        buf[i++] = 0x0a;
      } else buf[i++] = 0x20;
      continue;
    }
    wordLeft--;
    if ((x & 0xff) < 26) {
      const cp = 0x4e00 + ((x >>> 8) % 20902); // CJK Unified Ideographs U+4E00..U+9FA5
      buf[i++] = 0xe0 | (cp >> 12);
      buf[i++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[i++] = 0x80 | (cp & 0x3f);
    } else buf[i++] = ALPHABET[(x >>> 8) % ALPHABET.length]!;
  }
  if (!flat) buf[i++] = 0x0a;
  return buf.subarray(0, i);
}

/** One line of noise of at most `maxChars` characters (for JSON string fields with length limits). */
export function noiseString(rng: Rng, maxChars: number): string {
  return [...noiseText(rng, maxChars, null, true).toString('utf8')].slice(0, maxChars).join('').trim();
}

/** deflate's output size over input size for a sample (yazl uses zlib's default level, as here). */
export const deflateRatio = (sample: Buffer): number => deflateRawSync(sample).length / sample.length;

// --- Pack folders ----------------------------------------------------------------------------------

export interface SyntheticSession {
  id: string;
  title: string;
  summary: string;
  material: string | Buffer;
  content: SessionFile;
}

export interface SyntheticPack {
  id: string;
  version: string;
  title: string;
  description: string;
  sourceText: string | Buffer;
  sessions: SyntheticSession[];
}

/** Writes an authoring folder (manifest.json, sessions/<id>/{material.md,session.json}, source/source.txt). */
export function writePackFolder(dir: string, pack: SyntheticPack): void {
  const manifest: Manifest = {
    format: 1,
    id: pack.id,
    version: pack.version,
    title: pack.title,
    description: pack.description,
    language: 'zh-CN',
    publisher: { name: 'Benchmark publisher' },
    sourceText: 'source/source.txt',
    sessions: pack.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      summary: s.summary,
      material: `sessions/${s.id}/material.md`,
      content: `sessions/${s.id}/session.json`,
    })),
  };
  mkdirSync(join(dir, 'source'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'source', 'source.txt'), pack.sourceText);
  for (const s of pack.sessions) {
    mkdirSync(join(dir, 'sessions', s.id), { recursive: true });
    writeFileSync(join(dir, 'sessions', s.id, 'material.md'), s.material);
    writeFileSync(join(dir, 'sessions', s.id, 'session.json'), `${JSON.stringify(s.content, null, 2)}\n`);
  }
}

/** A single-choice question (answer "a") whose source is `quote`, which must be in the source text. */
export function singleQuestion(
  id: string,
  quote: string,
  text: { prompt: string; explanation?: string; options?: string[] },
): Question {
  const options = text.options ?? ['The first option', 'The second option', 'The third option', 'The fourth option'];
  return {
    id,
    type: 'single',
    prompt: text.prompt,
    options: options.map((t, i) => ({ id: 'abcdefgh'[i]!, text: t })),
    answer: ['a'],
    explanation: text.explanation ?? 'The source says so.',
    source: quote,
  };
}

export interface FolderStats {
  totalBytes: number;
  sourceBytes: number;
  sessions: Array<{ id: string; materialBytes: number; contentBytes: number; keyPointTextBytes: number }>;
}

/** Sizes of a pack's authoring folder (the built-in one), to scale the synthetic search pack from. */
export function folderStats(dir: string): FolderStats {
  let totalBytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else totalBytes += st.size;
    }
  };
  walk(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const sessions = manifest.sessions.map((s) => {
    const content = JSON.parse(readFileSync(join(dir, s.content), 'utf8')) as SessionFile;
    return {
      id: s.id,
      materialBytes: statSync(join(dir, s.material)).size,
      contentBytes: statSync(join(dir, s.content)).size,
      keyPointTextBytes: content.keyPoints.reduce((n, k) => n + Buffer.byteLength(k.text), 0),
    };
  });
  const sourceBytes = manifest.sourceText ? statSync(join(dir, manifest.sourceText)).size : 0;
  return { totalBytes, sourceBytes, sessions };
}

/** Mixed sentences adding up to about `targetBytes` UTF-8 bytes, cut at `maxChars` characters. */
export function textOfSize(rng: Rng, targetBytes: number, maxChars: number, rare = 0): string {
  let text = mixedSentence(rng, rare);
  while (Buffer.byteLength(text) < targetBytes) text += ` ${mixedSentence(rng, rare)}`;
  return [...text].slice(0, maxChars).join('').trim();
}

/** Chinese personal names for participant records: surname and one or two given characters. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玲红鹏飞宇晨浩然思雨佳怡子涵梓轩';

export function chineseName(rng: Rng): string {
  const given = Array.from({ length: 1 + rng.int(2) }, () => GIVEN[rng.int(GIVEN.length)]!).join('');
  return `${SURNAMES[rng.int(SURNAMES.length)]!}${given}`;
}
