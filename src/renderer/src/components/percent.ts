/** A fraction (0-1, clamped) as the whole percent a progress bar shows. */
export const percentOf = (value: number) => Math.round(Math.max(0, Math.min(1, value)) * 100);
