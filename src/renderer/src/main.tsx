import { sendStartupCalls } from './api/startup-calls';
import { paintFirstScreen } from './prepaint/first-paint';
import './styles.css';

/*
 * The entry is small on purpose: it sends the start-up calls at once, so the core answers while
 * the browser is still fetching and compiling React and the first screen (index.html preloads
 * them, see `preloadBoot` in electron.vite.config.ts), instead of after all of that has run.
 */
sendStartupCalls();
void paintFirstScreen();

import('./boot').then(
  ({ boot }) => boot(),
  (e: unknown) => {
    // The app's code could not load (a damaged install): say so, in place of a first paint that
    // would look alive, rather than leave a blank window.
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `学习伴侣无法启动 · The study companion cannot start (${String(e)})`;
    document.getElementById('root')?.replaceChildren(p);
  },
);
