import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attempt, QuizResponse } from '../../../../shared/contract/quiz';
import { call } from '../../api/client';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const TYPING_DELAY_MS = 500;

export const isAnswered = (r: QuizResponse | undefined): boolean =>
  r !== undefined && !(r.type === 'multiple' && r.options.length === 0) && !(r.type === 'fill' && !r.text.trim());

/**
 * The attempt's responses as shown, saved as they change. Saves run one after another so the
 * last change always wins on disk; typed answers wait for a pause in typing, and `flush` sends
 * anything still waiting (before submitting, and when the screen closes or the window hides).
 */
export function useAnswers(attempt: Attempt) {
  const { attemptId } = attempt;
  const [responses, setResponses] = useState<Record<string, QuizResponse>>(attempt.responses);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<Error>();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const waiting = useRef(new Map<string, { timer: number; response: QuizResponse }>());
  const failed = useRef(new Map<string, Error>());

  const send = useCallback(
    (questionId: string, response: QuizResponse) => {
      setState('saving');
      const next = queue.current.then(() => call('quiz.answer', { attemptId, questionId, response }));
      queue.current = next.then(
        () => {
          failed.current.delete(questionId);
          setState(failed.current.size ? 'failed' : 'saved');
        },
        (e: Error) => {
          failed.current.set(questionId, e);
          setError(e);
          setState('failed');
        },
      );
    },
    [attemptId],
  );

  /** Sends what is waiting and resolves with the first answer that could not be saved, if any. */
  const flush = useCallback(async (): Promise<Error | undefined> => {
    for (const [questionId, w] of waiting.current) {
      window.clearTimeout(w.timer);
      send(questionId, w.response);
    }
    waiting.current.clear();
    await queue.current;
    return failed.current.values().next().value;
  }, [send]);

  const change = useCallback(
    (questionId: string, response: QuizResponse) => {
      setResponses((all) => ({ ...all, [questionId]: response }));
      const pending = waiting.current.get(questionId);
      if (pending) window.clearTimeout(pending.timer);
      if (response.type !== 'fill') {
        waiting.current.delete(questionId);
        send(questionId, response);
        return;
      }
      const timer = window.setTimeout(() => {
        waiting.current.delete(questionId);
        send(questionId, response);
      }, TYPING_DELAY_MS);
      waiting.current.set(questionId, { timer, response });
    },
    [send],
  );

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  const answered = attempt.questions.filter((q) => isAnswered(responses[q.id])).length;
  return { responses, change, flush, state, error, answered };
}
