import { useEffect, useState, type RefObject } from 'react';

export interface MediaState {
  paused: boolean;
  currentTime: number;
  duration: number;
  rate: number;
  volume: number;
  muted: boolean;
}

const EVENTS = [
  'play',
  'pause',
  'ended',
  'timeupdate',
  'seeked',
  'seeking',
  'durationchange',
  'loadedmetadata',
  'ratechange',
  'volumechange',
];

const read = (el: HTMLMediaElement): MediaState => ({
  paused: el.paused,
  currentTime: el.currentTime,
  duration: Number.isFinite(el.duration) ? el.duration : 0,
  rate: el.playbackRate,
  volume: el.volume,
  muted: el.muted,
});

/** The media element's state for the controls, kept in step with its own events. */
export function useMediaState(ref: RefObject<HTMLMediaElement | null>, fallbackDuration: number | null): MediaState {
  const [state, setState] = useState<MediaState>({
    paused: true,
    currentTime: 0,
    duration: fallbackDuration ?? 0,
    rate: 1,
    volume: 1,
    muted: false,
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () =>
      setState(() => {
        const next = read(el);
        return next.duration > 0 ? next : { ...next, duration: fallbackDuration ?? 0 };
      });
    for (const e of EVENTS) el.addEventListener(e, update);
    update();
    return () => {
      for (const e of EVENTS) el.removeEventListener(e, update);
    };
  }, [ref, fallbackDuration]);
  return state;
}
