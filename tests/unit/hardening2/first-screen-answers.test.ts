import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessLink } from '../../../src/browser-host/in-process-core';
import { startHost, type RunningHost } from '../../../src/browser-host/server';
import type { Core } from '../../../src/core/core';
import { CSP } from '../../../src/shared/csp';
import { FIRST_SCREEN_ELEMENT_ID, type FirstScreenAnswers } from '../../../src/shared/first-screen/answers';
import { TEXT_SCALE_STEPS } from '../../../src/shared/text-scale';
import { openCore, repoRoot } from '../support/core';
import { suiteDir } from '../hardening/support';

/**
 * The browser host serves index.html with home drawn from the core's answers and the answers
 * themselves (browser-host/index-page.ts, src/shared/first-screen). They must be exactly what a new
 * tab would be told, never open a PIN profile, and no text in them may end the data block or
 * become markup.
 */

const HOSTILE = '</script><script>alert(1)</script><!--';
const PAGE =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>\n';

let core: Core;
let host: RunningHost;
let own: Record<string, string>;

beforeAll(async () => {
  ({ core } = await openCore(suiteDir('study-first-screen-')));
  const renderer = suiteDir('study-first-screen-renderer-');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), PAGE);
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  host = await startHost({ link: await inProcessLink(core), dataDir: core.options.dataDir, rendererDir: renderer });
  own = { Host: new URL(host.url).host };
});
afterAll(async () => {
  await host.close();
  core.close();
});

const token = () => 'x'.repeat(11) + Math.random().toString(36).slice(2, 12).padEnd(32, 'y');

async function api(name: string, input: unknown, session = token()) {
  const res = await fetch(`${host.url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Study-Session': session },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown };
}

async function page(path = '/', headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}${path.slice(1)}`, { headers });
  return { res, html: await res.text() };
}

function answersIn(html: string): FirstScreenAnswers | null {
  const m = new RegExp(`<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">(.*?)</script>`, 's').exec(
    html,
  );
  return m ? (JSON.parse(m[1]!) as FirstScreenAnswers) : null;
}

describe('index.html with the first screen’s answers', () => {
  it('carries what a new tab’s own calls answer, in the language the browser prefers', async () => {
    const session = token();
    await api('profiles.create', { name: '张三', unit: '省委组织部' }, session);
    const { res, html } = await page('/', { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answers = answersIn(html)!;
    expect(answers.language).toBe('zh-CN');
    const fresh = token();
    expect(answers.settings).toEqual(await api('settings.get', {}, fresh));
    expect(answers.profiles).toEqual(await api('profiles.list', {}, fresh));
    expect(answers.overview).toEqual(await api('course.overview', { language: 'zh-CN' }, fresh));
    expect((answers.profiles as { value: { activeId: number | null } }).value.activeId).not.toBeNull();
    // The block sits where the page's scripts find it: in the body, after #root.
    expect(html.indexOf(FIRST_SCREEN_ELEMENT_ID)).toBeGreaterThan(html.indexOf('<div id="root"'));
    expect(html.endsWith('</body></html>\n')).toBe(true);
  });

  it('draws home in #root, in the page’s language and text size', async () => {
    const { html } = await page('/', { 'Accept-Language': 'zh-CN' });
    const root = /<div id="root" lang="zh-CN" data-text-scale="1">(.*?)<\/div><script/s.exec(html)![1]!;
    expect(root.match(/class="session-card /g)).toHaveLength(6);
    expect(root).toContain('<span title="省委组织部">张三</span>');
    expect(root).toContain('专题1');

    await api('settings.set', { textScale: 1.5, language: 'en' });
    const large = (await page('/', { 'Accept-Language': 'en' })).html;
    expect(large).toContain('<div id="root" lang="en" data-text-scale="1.5" data-large-text="">');
    expect(large).toContain('Session 1');
    // English chosen in a Chinese browser: home was asked for in Chinese, so the app draws it itself.
    expect((await page('/', { 'Accept-Language': 'zh-CN' })).html).toContain('<div id="root"></div>');
    // A size Settings does not offer has no rule in styles.css: no home rather than one at the wrong size.
    await api('settings.set', { textScale: 1.2, language: null });
    const odd = (await page('/', { 'Accept-Language': 'zh-CN' })).html;
    expect(odd).toContain('<div id="root"></div>');
    expect(answersIn(odd)).not.toBeNull();
    await api('settings.set', { textScale: 1 });
  });

  it('asks in English for a browser that prefers another language', async () => {
    expect(answersIn((await page('/', { 'Accept-Language': 'en-GB,en;q=0.9' })).html)!.language).toBe('en');
    expect(answersIn((await page('/')).html)!.language).toBe('en');
    expect(answersIn((await page('/', { 'Accept-Language': 'fr, zh-TW;q=0.5' })).html)!.language).toBe('zh-CN');
  });

  it('keeps a profile name that looks like markup as text, in the block and on the page', async () => {
    await api('profiles.create', { name: HOSTILE, unit: '<b>&amp;</b>' });
    const { html } = await page('/');
    expect(html).not.toContain('</script><script>');
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      '<span title="&lt;b&gt;&amp;amp;&lt;/b&gt;">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</span>',
    );
    // One block, closed once: the page's own script tag and the data block.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const names = (answersIn(html)!.profiles as { value: { profiles: Array<{ name: string; unit: string }> } }).value
      .profiles;
    expect(names).toContainEqual(expect.objectContaining({ name: HOSTILE, unit: '<b>&amp;</b>' }));
  });

  it('keeps `$&` and `$1` in a name as they are (no replacement patterns)', async () => {
    await api('profiles.create', { name: 'A$&B$1C$`', unit: "$'" });
    const { html } = await page('/');
    expect(html).toContain('<span title="$\'">A$&amp;B$1C$`</span>');
    expect(html.match(/<div id="root"/g)).toHaveLength(1);
  });

  it('does not open a PIN profile for a new tab', async () => {
    await api('profiles.create', { name: '李四', unit: '市委党校', pin: '2468' });
    const { html } = await page('/');
    const answers = answersIn(html)!;
    expect((answers.profiles as { value: { activeId: number | null } }).value.activeId).toBeNull();
    expect(answers.overview.ok).toBe(false);
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('李四</span>');
  });

  it('serves other files, HEAD and addresses with a dot as before', async () => {
    expect(answersIn((await page('/index.html')).html)).not.toBeNull();
    expect(answersIn((await page('/library')).html)).not.toBeNull();
    const head = await fetch(host.url, { method: 'HEAD', headers: own });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const asset = await page('/assets/app.js');
    expect(asset.html).toBe('console.log(1)');
    expect((await page('/missing.js')).res.status).toBe(404);
  });
});

it('has a rule in styles.css for every text size a served page can carry', () => {
  const css = readFileSync(join(repoRoot, 'src/renderer/src/styles.css'), 'utf8');
  for (const step of TEXT_SCALE_STEPS.filter((s) => s !== 1)) {
    expect(css).toContain(`:root:has(> body > #root[data-text-scale='${step}']) {\n  --text-scale: ${step};\n}`);
  }
});
