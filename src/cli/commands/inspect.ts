import type { Io } from '../errors';
import { loadVerified } from './verify';

/** A readable summary of a verified pack: manifest, sessions with counts, files, signer. */
export async function inspect(file: string, io: Io): Promise<number> {
  const pack = await loadVerified(file);
  const m = pack.manifest;
  io.out(`Pack:        ${m.id} ${m.version}`);
  io.out(`Title:       ${m.title}`);
  if (m.description) io.out(`Description: ${m.description}`);
  io.out(`Language:    ${m.language}`);
  for (const t of pack.translations) {
    const aligned = t.sourceText ? `, source aligned in ${t.sourceText.sentences.length} sentences` : '';
    io.out(`Translation: ${t.language}  ${t.meta.title} (${Object.keys(t.material).length} sessions${aligned})`);
  }
  io.out(`Publisher:   ${m.publisher.name}`);
  io.out(`Key:         ${pack.fingerprint}`);
  io.out(
    `Source text: ${m.sourceText ?? '(none)'}${pack.sourceText === null ? '' : ` (${[...pack.sourceText].length} characters)`}`,
  );
  io.out(`SHA-256:     ${pack.sha256}`);
  io.out(`Sessions (${pack.sessions.length}):`);
  pack.sessions.forEach(({ meta, content }, i) => {
    const types = new Map<string, number>();
    for (const q of content.quiz.questions) types.set(q.type, (types.get(q.type) ?? 0) + 1);
    const byType = [...types].map(([t, n]) => `${n} ${t}`).join(', ');
    io.out(`  ${i + 1}. ${meta.id}  ${meta.title}`);
    io.out(
      `     ${content.keyPoints.length} key points, ${content.quiz.questions.length} questions (${byType}), pass mark ${Math.round(content.quiz.passMark * 100)}%`,
    );
  });
  const width = Math.max(...pack.files.map((f) => String(f.size).length));
  io.out(`Files (${pack.files.length}; size, then bytes in the zip):`);
  for (const f of pack.files)
    io.out(`  ${String(f.size).padStart(width)}  ${String(f.compressedSize).padStart(width)}  ${f.path}`);
  return 0;
}
