import type { Core } from '../../../src/core/core';
import { answerAll, studySession } from '../quiz/support';
import { openCore } from '../support/core';

type Opened = Awaited<ReturnType<typeof openCore>>;

/**
 * A participant who studied for real through the app's own calls: session 1 read, key points
 * reviewed and its quiz passed (after a failed try), session 2's quiz failed with no right answer (0 %, not empty), the rest untouched.
 * Its export is an honest record, so a venue must accept it exactly as the participant's screen.
 */
export async function honestParticipant(track: Core[], name = '张三', unit = '省委组织部'): Promise<Opened> {
  const opened = await openCore();
  track.push(opened.core);
  const { call } = opened;
  await call('profiles.create', { name, unit, venue: '武汉分会场' });
  await studySession(opened, 's1');
  const fail1 = await call('quiz.start', { sessionId: 's1' });
  await answerAll(opened, fail1, () => false);
  await call('quiz.submit', { attemptId: fail1.attemptId });
  const pass1 = await call('quiz.start', { sessionId: 's1' });
  await answerAll(opened, pass1, () => true);
  await call('quiz.submit', { attemptId: pass1.attemptId });
  const fail2 = await call('quiz.start', { sessionId: 's2' });
  await answerAll(opened, fail2, () => false);
  await call('quiz.submit', { attemptId: fail2.attemptId });
  await call('reading.save', { sessionId: 's3', position: 0.4 });
  return opened;
}
