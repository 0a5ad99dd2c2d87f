import { describe, expect, it } from 'vitest';
import { PackValidationError, type PackIssue } from '../../../src/core/packs/issues';
import { collisionKey, pathProblem } from '../../../src/core/packs/paths';
import { formatSignatureFile, formatSums, parseSignatureFile, parseSums, signSums } from '../../../src/core/packs/sums';
import { verifyPack } from '../../../src/core/packs/verify';
import { AppError } from '../../../src/shared/errors';
import { keys, miniFiles, signedZip } from './helpers/pack';

/**
 * Pack rules (crossCheck, sums, paths) that mutation testing showed no test would miss
 * (docs/testing.md). Content rules run through verifyPack on a signed copy of the mini pack.
 */

const pem = () => keys().a.privateKeyPem;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The issues verifyPack reports for the mini pack after `edit` (manifest and session 1), or [] if accepted. */
async function issues(edit: (manifest: Json, s1: Json, files: Map<string, Buffer>) => void): Promise<PackIssue[]> {
  const files = miniFiles();
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Json;
  const s1 = JSON.parse(files.get('sessions/s1/session.json')!.toString('utf8')) as Json;
  edit(manifest, s1, files);
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  files.set('sessions/s1/session.json', Buffer.from(JSON.stringify(s1, null, 2)));
  try {
    await verifyPack(signedZip(files, pem()));
    return [];
  } catch (e) {
    if (e instanceof PackValidationError) return [...e.issues];
    throw e;
  }
}
const brief = (list: PackIssue[]) => list.map((i) => `${i.entry} ${i.rule} ${i.path ?? ''}`);
const S1 = 'sessions/s1/session.json';

const multiple = (over: Json = {}) => ({
  id: 'q-multi',
  type: 'multiple',
  prompt: 'Which?',
  explanation: 'Both.',
  options: [
    { id: 'a', text: 'One' },
    { id: 'b', text: 'Two' },
  ],
  answer: ['a', 'b'],
  source: 'Study in small steps every day.',
  ...over,
});
const fill = (answer: string[]) => ({
  id: 'q-fill-new',
  type: 'fill',
  prompt: 'How often?',
  explanation: 'Daily.',
  answer,
  source: 'Study in small steps every day.',
});

describe('content rules across values', () => {
  it('refuses an option id used twice in one question, at the second one', async () => {
    const options = [
      { id: 'a', text: 'One' },
      { id: 'a', text: 'Two' },
    ];
    const found = await issues((_m, s1) => s1.quiz.questions.push(multiple({ options, answer: ['a'] })));
    expect(brief(found)).toEqual([`${S1} answer quiz.questions[2].options[1].id`]);
  });

  it('refuses an answer listed twice', async () => {
    const found = await issues((_m, s1) => s1.quiz.questions.push(multiple({ answer: ['a', 'a'] })));
    expect(brief(found)).toEqual([`${S1} answer quiz.questions[2].answer[1]`]);
  });

  it('refuses fill answers that grading cannot tell apart, and one that is only punctuation', async () => {
    const same = await issues((_m, s1) => s1.quiz.questions.push(fill(['Every day', ' every DAY. '])));
    expect(brief(same)).toEqual([`${S1} answer quiz.questions[2].answer[1]`]);
    const punct = await issues((_m, s1) => s1.quiz.questions.push(fill(['Every day', '...'])));
    expect(brief(punct)).toEqual([`${S1} answer quiz.questions[2].answer[1]`]);
    expect(await issues((_m, s1) => s1.quiz.questions.push(fill(['Every day', 'Daily'])))).toEqual([]);
  });

  it('refuses a session id used twice in the manifest, at the second session', async () => {
    const found = await issues((m) => (m.sessions[1].id = m.sessions[0].id));
    expect(brief(found)).toContain('manifest.json duplicate-id sessions[1].id');
  });

  it('checks question quotes against the source too, and accepts a quote whose spacing differs', async () => {
    const wrong = await issues((_m, s1) => (s1.quiz.questions[0].source = 'Study in big leaps once a year.'));
    expect(brief(wrong)).toEqual([`${S1} source-quote quiz.questions[0].source`]);
    const spaced = await issues((_m, s1) => (s1.quiz.questions[0].source = 'Study  in small\nsteps   every day.'));
    expect(spaced).toEqual([]);
  });

  it('accepts any quote when the pack has no source text', async () => {
    const found = await issues((m, s1, files) => {
      delete m.sourceText;
      files.delete('source/article.txt');
      s1.keyPoints[0].source = 'Words that are in no source at all.';
    });
    expect(found).toEqual([]);
  });
});

const rule = (f: () => unknown): string | null => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? `${e.code} ${String(e.detail?.rule ?? '')}` : 'not an AppError';
  }
  return null;
};
const sha = 'a'.repeat(64);

describe('SHA256SUMS and its signature file', () => {
  it.each([
    ['bytes that are not UTF-8', Buffer.concat([Buffer.from(`${sha}  a`), Buffer.from([0xff]), Buffer.from('.md\n')])],
    ['a path the path rules refuse', Buffer.from(`${sha}  ../a.md\n`)],
    ['the hash list listing itself', Buffer.from(`${sha}  SHA256SUMS\n`)],
    ['text before the hash', Buffer.from(`x${sha}  a.md\n`)],
  ])('refuses %s', (_what, bytes) => {
    expect(rule(() => parseSums(bytes, 200))).toBe('PACK_SIGNATURE sums-format');
  });

  it('refuses a signature file that is not JSON, or whose key is not a 32-byte Ed25519 key', () => {
    expect(rule(() => parseSignatureFile(Buffer.from('not json')))).toBe('PACK_SIGNATURE signature-format');
    const file = signSums(formatSums([{ path: 'a.md', bytes: Buffer.from('x') }]), pem());
    const short = formatSignatureFile({ ...file, publicKey: Buffer.alloc(16).toString('base64') });
    expect(rule(() => parseSignatureFile(short))).toBe('PACK_SIGNATURE signature-format');
  });
});

describe('path rules at their edges', () => {
  it('accepts a path of exactly the maximum length', () => {
    expect(pathProblem('x'.repeat(200), 200)).toBeNull();
    expect(pathProblem('x'.repeat(201), 200)?.rule).toBe('path-too-long');
  });

  it('refuses Windows device names alone or with an extension, and only those', () => {
    for (const bad of ['aux', 'COM1', 'lpt9.md', 'dir/con.txt'])
      expect(pathProblem(bad, 200)?.rule, bad).toBe('invalid-name');
    for (const ok of ['falcon.md', 'icon.png', 'console.md', 'comX.md', 'lptA.md', 'auxiliary/x.md']) {
      expect(pathProblem(ok, 200), ok).toBeNull();
    }
  });

  it('folds case as a case-insensitive file system does, without turning ß into ss', () => {
    expect(collisionKey('Straße.md')).toBe(collisionKey('STRAßE.md'));
    expect(collisionKey('straße.md')).not.toBe(collisionKey('strasse.md'));
  });
});
