import { isLargeText } from '../../shared/text-scale';

/** The text size the participant chose (a page served with a first screen already has it, see styles.css). */
export const applyTextScale = (scale: number) => {
  document.documentElement.style.setProperty('--text-scale', String(scale));
  document.documentElement.toggleAttribute('data-large-text', isLargeText(scale));
};
