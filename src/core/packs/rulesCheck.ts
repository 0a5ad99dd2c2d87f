import type { Manifest } from '../../shared/pack/schema';
import type { PackIssue } from './issues';
import { issueAt, type LocatedFile } from './located';

/**
 * The completion and credit rules (shared/pack/rules.ts) point at things of the same pack: a
 * recording to watch must be a video or audio of that session, named once; the band rule measures
 * the session's recordings, so a session without any cannot use it; the certificate's sessions
 * must exist. A rule that cannot be met would leave participants unable to complete a session.
 */
export function ruleIssues(manifest: Manifest, file: LocatedFile): PackIssue[] {
  const out: PackIssue[] = [];
  manifest.sessions.forEach((s, i) => {
    const timed = new Set((s.media ?? []).filter((m) => m.kind === 'video' || m.kind === 'audio').map((m) => m.path));
    const named = new Set<string>();
    (s.completion?.media ?? []).forEach((m, j) => {
      const at = ['sessions', i, 'completion', 'media', j, 'path'];
      if (!timed.has(m.path)) {
        out.push(issueAt(file, at, 'rule-media', `"${m.path}" is not a video or audio of session "${s.id}"`));
      } else if (named.has(m.path)) {
        out.push(issueAt(file, at, 'rule-media', `"${m.path}" is named twice in this session's rule`));
      }
      named.add(m.path);
    });
    if (s.credit?.kind === 'bands' && timed.size === 0) {
      out.push(
        issueAt(
          file,
          ['sessions', i, 'credit'],
          'rule-credit',
          `session "${s.id}" has no recording for the band rule to measure`,
        ),
      );
    }
  });
  const ids = new Set(manifest.sessions.map((s) => s.id));
  const seen = new Set<string>();
  (manifest.course?.sessions ?? []).forEach((id, i) => {
    const at = ['course', 'sessions', i];
    if (!ids.has(id)) out.push(issueAt(file, at, 'rule-session', `"${id}" is not a session of this pack`));
    else if (seen.has(id)) out.push(issueAt(file, at, 'rule-session', `"${id}" is named twice`));
    seen.add(id);
  });
  return out;
}
