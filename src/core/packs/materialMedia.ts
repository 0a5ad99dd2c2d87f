import { materialReferences } from '../../shared/pack/markdown-refs';
import type { PackIssue } from './issues';
import type { PackContents } from './types';

/**
 * Material may show its own session's pictures and PDFs by pack path (`![板书](media/board.png)`,
 * `[讲义](media/slides.pdf)`). A path that is not media of that session (a file of another
 * session, a caption file, a typo, an absolute or `../` path) is refused, naming the path, the
 * session and the line, in the original material and in every translation of it: the screen would
 * otherwise show a dead reference as text. Parsed with the renderer's own parser
 * (shared/pack/markdown-parser.ts), so what is checked is what is shown.
 */
export function materialMediaIssues(pack: PackContents): PackIssue[] {
  const issues: PackIssue[] = [];
  for (const s of pack.sessions) {
    const media = (s.meta.media ?? []).map((m) => m.path);
    const carried = new Set(media);
    const has = media.length ? `its media: ${media.join(', ')}` : 'it has no media';
    const check = (entry: string, text: string) => {
      for (const ref of materialReferences(text)) {
        if (carried.has(ref.path)) continue;
        issues.push({
          entry,
          rule: 'material-media',
          line: ref.line,
          message: `the ${ref.kind} "${ref.path}" is not media of session "${s.meta.id}" (${has}); material may show only its own session's media, by pack path`,
        });
      }
    };
    check(s.meta.material, s.material);
    for (const t of pack.translations) {
      const text = t.material[s.meta.id];
      const entry = t.meta.material[s.meta.id];
      if (text !== undefined && entry !== undefined) check(entry, text);
    }
  }
  return issues;
}
