import type { TFunction } from 'i18next';
import type { CreditBasis } from '../../../../shared/contract/watch';

/** 学时 as people write them: 1, 0.5, 0.25, 1.5 (never 1.50). */
export const hoursText = (hours: number, language: string): string =>
  hours.toLocaleString(language, { maximumFractionDigits: 2 });

export const minutesOf = (seconds: number): number => Math.round(seconds / 60);

/** The rule that grants a session's credit, in words: "固定 1 学时", "录像 32 分钟：1 学时 + 测验 0.5 学时". */
export function basisText(t: TFunction, basis: CreditBasis, language: string): string {
  const h = (n: number) => hoursText(n, language);
  if (basis.kind === 'fixed') return t('ledger.basis.fixed', { hours: h(basis.hours) });
  if (basis.kind === 'bands') {
    const values = { minutes: basis.mediaMinutes, base: h(basis.base), bonus: h(basis.quizBonus) };
    return t(basis.quizBonus > 0 ? 'ledger.basis.bandsQuiz' : 'ledger.basis.bands', values);
  }
  return t('ledger.basis.none');
}
