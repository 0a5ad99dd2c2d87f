import { sendStartupCalls } from './api/startup-calls';
import './styles.css';

/*
 * The entry is small on purpose: home usually arrives drawn in the page with the start-up answers
 * beside it (src/shared/first-screen); the entry takes those, sends whatever start-up call is
 * still needed at once, and imports the app (React and the screens), which replaces the served
 * home with its own.
 */
sendStartupCalls();
/** Home as the host served it (src/shared/first-screen), shown until React's own replaces it. */
const served = (document.getElementById('root')?.childElementCount ?? 0) > 0;

/** Resolves after the browser has shown the frame with what is on the page now. */
const afterNextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

import('./boot').then(
  // React's first render is one long task: it starts once the served home is on screen, not before.
  async ({ boot }) => {
    if (served) await afterNextFrame();
    await boot();
  },
  (e: unknown) => {
    // The app's code could not load (a damaged install): say so, in place of a served home that
    // would look alive, rather than leave a blank window.
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `学习伴侣无法启动 · The study companion cannot start (${String(e)})`;
    document.getElementById('root')?.replaceChildren(p);
  },
);
