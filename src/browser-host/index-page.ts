import type { ServerResponse } from 'node:http';
import { securityHeaders } from '../shared/csp';
import type { FirstScreenAnswers } from '../shared/first-screen/answers';
import { rootWithFirstScreen, splitAtRoot } from '../shared/first-screen/page';

/**
 * index.html with home already drawn from the core's answers (src/shared/first-screen), so the
 * sessions show as soon as the page and its stylesheet are here, before any script has run. The
 * part before #root goes out at once, so the browser fetches the stylesheet and scripts while the
 * core answers; without answers (core slow or failing) the root stays empty and the app draws home.
 */
export async function sendIndexPage(
  res: ServerResponse,
  html: Buffer,
  answers: () => Promise<FirstScreenAnswers | null>,
): Promise<void> {
  res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  const text = html.toString('utf8');
  const parts = splitAtRoot(text);
  if (!parts || res.req.method === 'HEAD') {
    res.end(text);
    return;
  }
  res.write(parts.before);
  let found: FirstScreenAnswers | null = null;
  try {
    found = await answers();
  } catch (e) {
    console.error('first screen answers:', e);
  }
  res.end(rootWithFirstScreen(found) + parts.after);
}
