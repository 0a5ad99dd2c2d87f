/** The text sizes Settings offers; styles.css has a rule for each, so a page served with one needs no script. */
export const TEXT_SCALE_STEPS = [0.9, 1, 1.15, 1.3, 1.5, 1.75, 2] as const;

/** Large text gets a compact header and quiz bar (styles.css), so they leave room for content. */
export const isLargeText = (scale: number) => scale > 1.25;
