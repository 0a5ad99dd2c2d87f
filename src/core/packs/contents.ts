import { markdownProblems } from '../../shared/pack/markdown-limits';
import { manifestSchema, sessionFileSchema, type Manifest } from '../../shared/pack/schema';
import { captionIssues } from './captions';
import { crossCheck } from './crossCheck';
import { ruleIssues } from './rulesCheck';
import { jsonPathOf } from './json';
import { PackValidationError, type PackIssue } from './issues';
import type { PackLimits } from './limits';
import { checkSchema, issueAt, readJson, readText, type LocatedFile } from './located';
import { collisionKey, MANIFEST_FILE, pathProblem, RESERVED_FILES } from './paths';
import { loadTranslations, translationIssues, translationPaths } from './translations';
import { hiddenTextIssues, MANIFEST_NAMES } from './display-text';
import type { PackContents, PackSession } from './types';

/**
 * Loading a pack's meaning from its files, shared by the builder (files on disk) and the verifier
 * (entries of a zip already checked against the signed hash list): one set of rules, so whatever
 * builds also verifies, and the app never sees content the builder would have refused.
 */

/** The bytes at a pack path, or a phrase saying why there are none ("does not exist"). */
export type PackReader = (path: string) => Promise<Buffer | string>;

export interface LoadedPack {
  contents: PackContents;
  /** manifest.json and every file it references, by pack path (empty unless `keepBytes`). */
  files: Map<string, Buffer>;
}

/** Every path the manifest references, with the JSON path of the reference (media included). */
export function referencedPaths(manifest: Manifest): Array<{ at: PropertyKey[]; path: string }> {
  return [...textPaths(manifest), ...mediaPaths(manifest)];
}

/** Text files (compressed in the zip, read into memory and checked): material, content, source, captions. */
export function textPaths(manifest: Manifest): Array<{ at: PropertyKey[]; path: string }> {
  const refs = manifest.sessions.flatMap((s, i) => [
    { at: ['sessions', i, 'material'], path: s.material },
    { at: ['sessions', i, 'content'], path: s.content },
    ...(s.media ?? []).flatMap((m, j) =>
      (m.captions ?? []).map((c, k) => ({ at: ['sessions', i, 'media', j, 'captions', k, 'path'], path: c.path })),
    ),
  ]);
  if (manifest.sourceText !== undefined) refs.push({ at: ['sourceText'], path: manifest.sourceText });
  return [...refs, ...translationPaths(manifest)];
}

/** Media files (stored uncompressed, streamed to disk, never held in memory). */
export function mediaPaths(manifest: Manifest): Array<{ at: PropertyKey[]; path: string }> {
  return manifest.sessions.flatMap((s, i) =>
    (s.media ?? []).map((m, j) => ({ at: ['sessions', i, 'media', j, 'path'], path: m.path })),
  );
}

function manifestPathIssues(manifest: Manifest, file: LocatedFile, limits: PackLimits): PackIssue[] {
  const issues: PackIssue[] = [];
  const reserved = new Set([...RESERVED_FILES].map(collisionKey));
  const seen = new Map<string, string>();
  for (const { at, path } of referencedPaths(manifest)) {
    const problem = pathProblem(path, limits.maxPathLength);
    const key = collisionKey(path);
    if (problem) {
      issues.push(
        issueAt(
          file,
          at,
          'unsafe-path',
          `"${path}" ${problem.reason}; use a relative path like sessions/s1/material.md`,
        ),
      );
    } else if (reserved.has(key)) {
      issues.push(issueAt(file, at, 'reserved-path', `"${path}" is a name the pack format itself uses`));
    } else if (seen.has(key)) {
      issues.push(
        issueAt(
          file,
          at,
          'duplicate-path',
          `"${path}" is already used by ${seen.get(key)} (names differing only in case count as the same)`,
        ),
      );
    } else seen.set(key, jsonPathOf(at));
  }
  return issues;
}

function fail(issues: PackIssue[]): never {
  throw new PackValidationError(issues);
}

/** manifest.json alone: JSON, schema and path rules. The verifier reads it before any other entry. */
export function parseManifest(bytes: Buffer, limits: PackLimits): { manifest: Manifest; file: LocatedFile } {
  const mf = readJson(MANIFEST_FILE, bytes);
  if (!mf.ok) fail([mf.issue]);
  const issues: PackIssue[] = [];
  const manifest = checkSchema(mf.value, manifestSchema, issues);
  if (!manifest) fail(issues);
  issues.push(...manifestPathIssues(manifest, mf.value, limits));
  if (issues.length) fail(issues);
  return { manifest, file: mf.value };
}

/**
 * `keepBytes: false` (the verifier) keeps no file's bytes once decoded, so a large pack is never
 * held as bytes and as text at once; the builder keeps them to write the zip.
 */
export async function loadPackContents(
  read: PackReader,
  limits: PackLimits,
  { keepBytes = true }: { keepBytes?: boolean } = {},
): Promise<LoadedPack> {
  const files = new Map<string, Buffer>();
  const manifestBytes = await read(MANIFEST_FILE);
  if (typeof manifestBytes === 'string') fail([{ entry: MANIFEST_FILE, rule: 'missing-file', message: manifestBytes }]);
  if (keepBytes) files.set(MANIFEST_FILE, manifestBytes);
  const { manifest, file: manifestFile } = parseManifest(manifestBytes, limits);
  const mf = { value: manifestFile };
  const issues: PackIssue[] = [];

  const fetch = async (at: PropertyKey[], path: string): Promise<Buffer | null> => {
    const bytes = await read(path);
    if (typeof bytes === 'string') {
      issues.push(issueAt(mf.value, at, 'missing-file', `"${path}" ${bytes}`));
      return null;
    }
    if (keepBytes) files.set(path, bytes);
    return bytes;
  };
  const fetchText = async (at: PropertyKey[], path: string): Promise<string | null> => {
    const bytes = await fetch(at, path);
    const text = bytes && readText(path, bytes);
    if (text && !text.ok) issues.push(text.issue);
    return text?.ok ? text.value : null;
  };

  issues.push(...hiddenTextIssues(MANIFEST_FILE, manifest, MANIFEST_NAMES));
  const sessions: PackSession[] = [];
  const contentFiles: LocatedFile[] = [];
  for (const [i, meta] of manifest.sessions.entries()) {
    const material = await fetchText(['sessions', i, 'material'], meta.material);
    if (material !== null && material.trim() === '') {
      issues.push({ entry: meta.material, rule: 'empty-file', message: 'the session material is empty' });
    }
    const contentBytes = await fetch(['sessions', i, 'content'], meta.content);
    const cf = contentBytes && readJson(meta.content, contentBytes);
    if (!cf) continue;
    if (!cf.ok) {
      issues.push(cf.issue);
      continue;
    }
    const content = checkSchema(cf.value, sessionFileSchema, issues);
    issues.push(...hiddenTextIssues(meta.content, content));
    if (material !== null) {
      issues.push(...hiddenTextIssues(meta.material, material));
      for (const p of markdownProblems(material, Buffer.byteLength(material))) {
        issues.push({ entry: meta.material, rule: `markdown-${p.rule}`, line: p.line, message: p.message });
      }
    }
    if (content && material !== null) {
      sessions.push({ meta, material, content });
      contentFiles.push(cf.value);
    }
  }
  for (const [i, meta] of manifest.sessions.entries()) {
    for (const [j, m] of (meta.media ?? []).entries()) {
      for (const [k, c] of (m.captions ?? []).entries()) {
        const vtt = await fetchText(['sessions', i, 'media', j, 'captions', k, 'path'], c.path);
        if (vtt !== null) issues.push(...captionIssues(c.path, vtt));
      }
    }
  }
  const sourceText = manifest.sourceText === undefined ? null : await fetchText(['sourceText'], manifest.sourceText);
  if (sourceText !== null && manifest.sourceText) issues.push(...hiddenTextIssues(manifest.sourceText, sourceText));
  const translations = await loadTranslations(manifest, { bytes: fetch, text: fetchText }, issues);
  if (issues.length) fail(issues);

  const contents: PackContents = {
    manifest,
    sessions,
    sourceText,
    translations: translations.map((t) => t.translation),
  };
  const cross = [
    ...crossCheck({ ...contents, manifestFile: mf.value, contentFiles }),
    ...translationIssues(manifest, mf.value, sessions, sourceText, translations),
    ...ruleIssues(manifest, mf.value),
  ];
  // Chapters point at key points of their own session.
  sessions.forEach((s) => {
    const ids = new Set(s.content.keyPoints.map((k) => k.id));
    const i = manifest.sessions.indexOf(s.meta);
    (s.meta.media ?? []).forEach((m, j) =>
      (m.chapters ?? []).forEach((c, k) =>
        (c.keyPoints ?? []).forEach((id, n) => {
          if (!ids.has(id)) {
            const at = ['sessions', i, 'media', j, 'chapters', k, 'keyPoints', n];
            cross.push(
              issueAt(mf.value, at, 'chapter-key-point', `"${id}" is not a key point of session "${s.meta.id}"`),
            );
          }
        }),
      ),
    );
  });
  if (cross.length) fail(cross);
  return { contents, files };
}
