/** The text size the participant chose; used by the first paint and by the app (App.tsx). */
export const applyTextScale = (scale: number) => {
  document.documentElement.style.setProperty('--text-scale', String(scale));
  // Large text gets a compact header and quiz bar (styles.css), so they leave room for content.
  document.documentElement.toggleAttribute('data-large-text', scale > 1.25);
};
