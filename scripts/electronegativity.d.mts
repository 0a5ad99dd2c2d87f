/** Types for scripts/electronegativity.mjs (used by tests/unit/hardening/electronegativity.test.ts). */
export declare const JUSTIFICATION: RegExp;
export declare function justifiedIds(lines: string[], lineNo: number): Set<string>;
