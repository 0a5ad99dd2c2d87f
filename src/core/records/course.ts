import type { Ledger } from '../../shared/contract/watch';
import type { PackRules } from '../study/rules';

/**
 * When the pack's course rule (结业) was met: every session it names complete and at least its
 * minimum credit earned; the time is the last of those completions. Null until then.
 */
export function courseCompletedAt(rules: PackRules, ledger: Ledger): string | null {
  const byId = new Map(ledger.sessions.map((s) => [s.id, s]));
  const needed = rules.course.sessions.map((id) => byId.get(id));
  if (needed.length === 0 || needed.some((s) => !s?.complete || !s.completedAt)) return null;
  if (ledger.totalCredit + 1e-9 < rules.course.minimumCredit) return null;
  return (
    needed
      .map((s) => s!.completedAt!)
      .sort()
      .at(-1) ?? null
  );
}
