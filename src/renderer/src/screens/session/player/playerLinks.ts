import { useCallback, useMemo, useRef, useState } from 'react';
import type { MediaEntry } from '../../../../../shared/contract/library';

export interface ChapterTarget {
  path: string;
  start: number;
  title: string;
}

/** Seeks a player to `t`, brings it into view and gives it focus. */
type Seek = (t: number) => void;

export interface PlayerLinks {
  /** The chapter that covers each key point (the first one naming it). */
  chapterOf: (keyPointId: string) => ChapterTarget | undefined;
  /** The session's media list arrived: which key points have a chapter. */
  publish: (items: readonly MediaEntry[]) => void;
  /** A player offers to be sought; returns the way to withdraw. */
  register: (path: string, seek: Seek) => () => void;
  /** "Watch this part": the chapter's player seeks there and takes focus. */
  watch: (keyPointId: string) => void;
}

/**
 * Joins the key points list to the players on the session screen (siblings that do not know each
 * other): the media list says which chapter covers which key point; a player registers its seek.
 */
export function usePlayerLinks(): PlayerLinks {
  const [chapters, setChapters] = useState<ReadonlyMap<string, ChapterTarget>>(new Map());
  const players = useRef(new Map<string, Seek>());
  const publish = useCallback((items: readonly MediaEntry[]) => {
    const next = new Map<string, ChapterTarget>();
    for (const m of items) {
      if (m.kind !== 'video' && m.kind !== 'audio') continue;
      for (const c of m.chapters) {
        for (const kp of c.keyPoints) {
          if (!next.has(kp)) next.set(kp, { path: m.path, start: c.start, title: c.title });
        }
      }
    }
    setChapters(next);
  }, []);
  const register = useCallback((path: string, seek: Seek) => {
    players.current.set(path, seek);
    return () => {
      if (players.current.get(path) === seek) players.current.delete(path);
    };
  }, []);
  return useMemo(
    () => ({
      chapterOf: (id: string) => chapters.get(id),
      publish,
      register,
      watch: (id: string) => {
        const c = chapters.get(id);
        if (c) players.current.get(c.path)?.(c.start);
      },
    }),
    [chapters, publish, register],
  );
}
