import { useEffect, type RefObject } from 'react';

const HIGHLIGHT = 'find-result';

function firstRange(root: HTMLElement, needle: string): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const lower = needle.toLowerCase();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.textContent ?? '').toLowerCase().indexOf(lower);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      return range;
    }
  }
  return null;
}

/**
 * Opens the exact place a search hit points to: highlights the first match inside `root` with
 * the CSS Custom Highlight API (no DOM changes under React's feet) and scrolls it into view.
 * Notes live in a textarea, so there the match is selected instead.
 */
export function useFindInPage(root: RefObject<HTMLElement | null>, needle: string | null, ready: boolean) {
  useEffect(() => {
    const el = root.current;
    if (!el || !needle || !ready) return;
    if (el instanceof HTMLTextAreaElement) {
      const at = el.value.toLowerCase().indexOf(needle.toLowerCase());
      el.focus();
      if (at >= 0) el.setSelectionRange(at, at + needle.length);
      el.scrollIntoView({ block: 'center' });
      return;
    }
    const range = firstRange(el, needle);
    if (!range) return;
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const HighlightCtor = (window as unknown as { Highlight?: new (r: Range) => unknown }).Highlight;
    if (registry && HighlightCtor) registry.set(HIGHLIGHT, new HighlightCtor(range));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return () => {
      registry?.delete(HIGHLIGHT);
    };
  }, [root, needle, ready]);
}
