import type { ServerResponse } from 'node:http';
import { securityHeaders } from '../shared/csp';
import type { FirstScreenAnswers } from '../shared/first-screen';
import { answersBlock } from './first-screen-answers';

/**
 * index.html with the first screen's answers before `</body>`. The head (scripts, preloads,
 * styles) goes out at once, so the browser fetches the app while the core answers; the rest
 * follows with the answers. The page runs its module scripts only once the document is complete,
 * so they find the block. Without answers (core slow or failing) the page is the plain file.
 */
export async function sendIndexPage(
  res: ServerResponse,
  html: Buffer,
  answers: () => Promise<FirstScreenAnswers | null>,
): Promise<void> {
  const text = html.toString('utf8');
  const end = text.lastIndexOf('</body>');
  res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  if (end < 0 || res.req.method === 'HEAD') {
    res.end(text);
    return;
  }
  res.write(text.slice(0, end));
  let block = '';
  try {
    const found = await answers();
    if (found) block = answersBlock(found);
  } catch (e) {
    console.error('first screen answers:', e);
  }
  res.end(block + text.slice(end));
}
