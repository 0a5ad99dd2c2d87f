import type Database from 'better-sqlite3';
import type { Question, TranslatedQuestion } from '../../shared/pack/schema';
import type { InstallablePack } from './installable';

/** A question in another language: the translation's words over the pack's own ids and answers. */
export function translatedQuestion(q: Question, t: TranslatedQuestion): Question {
  const words = { prompt: t.prompt, explanation: t.explanation, source: t.source };
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...q, ...words, options: q.options.map((o) => ({ id: o.id, text: t.options?.[o.id] ?? o.text })) };
    case 'fill':
      return { ...q, ...words, answer: t.answer ?? q.answer };
    case 'truefalse':
      return { ...q, ...words };
  }
}

/** Writes a verified pack's translations (inside the install transaction, after its content). */
export function writeTranslations(db: Database.Database, pack: InstallablePack): void {
  const packId = pack.manifest.id;
  const packRow = db.prepare(
    `INSERT INTO pack_translations (pack_id, language, title, description, notice, aligned_source)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const session = db.prepare(
    `INSERT INTO session_translations (pack_id, language, session_id, title, summary, material)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const keyPoint = db.prepare(
    'INSERT INTO key_point_translations (pack_id, language, id, text, source) VALUES (?, ?, ?, ?, ?)',
  );
  const question = db.prepare('INSERT INTO question_translations (pack_id, language, id, data) VALUES (?, ?, ?, ?)');
  for (const t of pack.translations ?? []) {
    const lang = t.language;
    const aligned = t.sourceText ? JSON.stringify(t.sourceText) : null;
    packRow.run(packId, lang, t.meta.title, t.meta.description ?? '', t.meta.notice ?? '', aligned);
    for (const s of pack.sessions) {
      const ts = t.content.sessions[s.meta.id];
      if (!ts) continue; // the verifier refuses a pack whose translation misses a session
      session.run(packId, lang, s.meta.id, ts.title, ts.summary ?? '', t.material[s.meta.id] ?? '');
      for (const k of s.content.keyPoints) {
        const tk = ts.keyPoints[k.id];
        if (tk) keyPoint.run(packId, lang, k.id, tk.text, tk.source);
      }
      for (const q of s.content.quiz.questions) {
        const tq = ts.questions[q.id];
        if (tq) question.run(packId, lang, q.id, JSON.stringify(translatedQuestion(q, tq)));
      }
    }
  }
}

/** The pack's languages: its own first, then its translations. */
export function packLanguages(db: Database.Database, packId: string): string[] {
  const own = db.prepare('SELECT language FROM packs WHERE id = ?').get(packId) as { language: string } | undefined;
  const others = db
    .prepare('SELECT language FROM pack_translations WHERE pack_id = ? ORDER BY language')
    .all(packId) as { language: string }[];
  return [...(own ? [own.language] : []), ...others.map((r) => r.language)];
}

/** The language to show: the one asked for when the pack has it, else the pack's own. */
export function shownLanguage(db: Database.Database, packId: string, asked: string | undefined | null): string {
  const langs = packLanguages(db, packId);
  return asked && langs.includes(asked) ? asked : (langs[0] ?? 'en');
}

/** True when `language` is a translation (not the pack's own language). */
export function isTranslation(db: Database.Database, packId: string, language: string): boolean {
  return Boolean(
    db.prepare('SELECT 1 FROM pack_translations WHERE pack_id = ? AND language = ?').get(packId, language),
  );
}
