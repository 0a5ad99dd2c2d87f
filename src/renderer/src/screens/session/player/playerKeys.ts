/** What a key does in the player, or null when it belongs to the focused control. */
export type PlayerKey = 'toggle' | 'back' | 'forward' | 'captions' | 'fullscreen';

/**
 * Space, ←/→, C and F act on the player when focus is in it, except where the focused control
 * needs the key itself: text fields, selects, the volume slider (arrows), and buttons (space and
 * Enter press them). The seek bar opts in with data-player-keys.
 */
export function playerKey(e: {
  key: string;
  target: EventTarget | null;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): PlayerKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const el = e.target instanceof HTMLElement ? e.target : null;
  if (el) {
    if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return null;
    if (el.tagName === 'INPUT' && !el.hasAttribute('data-player-keys')) return null;
    if (el.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return null;
  }
  switch (e.key) {
    case ' ':
    case 'k':
    case 'K':
      return 'toggle';
    case 'ArrowLeft':
      return 'back';
    case 'ArrowRight':
      return 'forward';
    case 'c':
    case 'C':
      return 'captions';
    case 'f':
    case 'F':
      return 'fullscreen';
    default:
      return null;
  }
}
