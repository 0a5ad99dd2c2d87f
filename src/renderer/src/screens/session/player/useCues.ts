import { useEffect, useState, type RefObject } from 'react';

export interface Cue {
  start: number;
  end: number;
  text: string;
}

const LOADED = 2; // HTMLTrackElement.LOADED

/** Plain text of a cue: voice and styling tags (<v Name>, <b>) dropped by the browser's own parser. */
function cueText(cue: TextTrackCue): string {
  if (cue instanceof VTTCue) return cue.getCueAsHTML().textContent?.trim() ?? cue.text;
  return '';
}

/**
 * The cues of the caption track in `language`, read from the browser's own WebVTT parser: that
 * track is kept 'hidden' (loaded, cues available, drawn by us, not by the browser) and the others
 * 'disabled' (not loaded).
 */
export function useCues(ref: RefObject<HTMLMediaElement | null>, language: string | null): Cue[] {
  const [cues, setCues] = useState<Cue[]>([]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const tracks = Array.from(el.querySelectorAll('track'));
    let chosen: HTMLTrackElement | undefined;
    for (const t of tracks) {
      const mine = t.srclang === language && !chosen;
      if (mine) chosen = t;
      t.track.mode = mine ? 'hidden' : 'disabled';
    }
    if (!chosen) {
      setCues([]);
      return;
    }
    const track = chosen;
    const collect = () =>
      setCues(
        Array.from(track.track.cues ?? []).map((c) => ({ start: c.startTime, end: c.endTime, text: cueText(c) })),
      );
    if (track.readyState === LOADED) collect();
    track.addEventListener('load', collect);
    return () => track.removeEventListener('load', collect);
  }, [ref, language]);
  return cues;
}

/** The cue playing at `t`, or -1. */
export function cueAt(cues: readonly Cue[], t: number): number {
  return cues.findIndex((c) => t >= c.start && t < c.end);
}
