import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { noMedia, renderMarkdown, type MediaRenderer } from '../../../src/renderer/src/components/markdown-render';

const html = (text: string, media?: MediaRenderer) =>
  renderToStaticMarkup(createElement('div', null, renderMarkdown(text, media)));

/** The session has one picture and one PDF; the stand-ins show what the screen was asked for. */
const MEDIA = new Set(['media/board.png', 'media/slides.pdf']);
const media: MediaRenderer = {
  ...noMedia,
  figure: (ref, alt, key) =>
    MEDIA.has(ref.path) ? createElement('figure', { key, 'data-path': ref.path }, alt) : null,
  inlineImage: (ref, alt, key) =>
    MEDIA.has(ref.path) ? createElement('img', { key, 'data-path': ref.path, alt }) : null,
  link: (ref, label: ReactNode[], key) =>
    MEDIA.has(ref.path)
      ? createElement('button', { key, 'data-path': ref.path, 'data-fragment': ref.fragment }, label)
      : null,
};

describe('material rendering (markdown-it tokens to React elements)', () => {
  it('maps CommonMark blocks and inlines to the same elements as before', () => {
    expect(
      html('# 第一讲\n\n正文 *强调* **加粗** `代码`\n\n> 引用\n\n- 甲\n- 乙\n\n3. 三\n4. 四\n\n---\n\n```\nx < y\n```'),
    ).toBe(
      '<div><h2 data-anchor="第一讲">第一讲</h2><p>正文 <em>强调</em> <strong>加粗</strong> <code>代码</code></p>' +
        '<blockquote><p>引用</p></blockquote><ul><li>甲</li><li>乙</li></ul><ol start="3"><li>三</li><li>四</li></ol>' +
        '<hr/><pre><code>x &lt; y\n</code></pre></div>',
    );
  });

  it('shifts headings one level down and names their anchors', () => {
    expect(html('## The Three *Nos*\n\n###### six')).toBe(
      '<div><h3 data-anchor="the-three-nos">The Three <em>Nos</em></h3><h6 data-anchor="six">six</h6></div>',
    );
  });

  it('keeps a tight list tight and a loose list in paragraphs', () => {
    expect(html('- a\n  - b')).toBe('<div><ul><li>a<ul><li>b</li></ul></li></ul></div>');
    expect(html('- a\n\n- b')).toBe('<div><ul><li><p>a</p></li><li><p>b</p></li></ul></div>');
  });

  it('shows raw HTML as text and never as markup', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <b onclick="x()">b</b>');
    expect(out).not.toMatch(/<(script|img|b)[\s>]|\son\w+="/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps only links to a heading of the material; the rest are inert text', () => {
    const out = html(
      '[x](javascript:alert(1)) [lib](#/library) [web](https://example.com/) [mail](mailto:a@b.c) [sec](#第二节) [rel](other.md)',
    );
    expect(out.match(/<a /g)).toHaveLength(1);
    expect(out).toContain('<a href="#%E7%AC%AC%E4%BA%8C%E8%8A%82">sec</a>');
    for (const text of ['x', 'lib', 'web', 'mail', 'rel'])
      expect(out).toContain(`<span class="md-link-removed">${text}</span>`);
    expect(out).not.toContain('javascript');
  });

  it('never loads a remote or data: image', () => {
    const out = html('![remote](https://example.com/p.png) ![data](data:image/png;base64,AAAA) ![](media/board.png)');
    expect(out).not.toContain('<img');
    expect(out).toContain('<span class="md-image-removed">[remote]</span>');
    expect(out).toContain('<span class="md-image-removed">[image]</span>');
  });

  it("shows the session's picture as a figure when it stands alone, inline otherwise", () => {
    expect(html('![板书](media/board.png)', media)).toBe(
      '<div><figure data-path="media/board.png">板书</figure></div>',
    );
    expect(html('见 ![板书](./media/board.png) 图', media)).toBe(
      '<div><p>见 <img data-path="media/board.png" alt="板书"/> 图</p></div>',
    );
  });

  it("turns a link to the session's PDF into what opens the viewer, with its page", () => {
    expect(html('[讲义 *PDF*](media/slides.pdf#page=2)', media)).toBe(
      '<div><p><button data-path="media/slides.pdf" data-fragment="page=2">讲义 <em>PDF</em></button></p></div>',
    );
  });

  it('shows a pack path that is not media of the session as inert text', () => {
    expect(html('![别的](media/other.png)\n\n[别的](media/other.pdf)', media)).toBe(
      '<div><p><span class="md-image-removed">[别的]</span></p><p><span class="md-link-removed">别的</span></p></div>',
    );
  });

  it('renders nesting within the limits, and survives far deeper input', () => {
    expect(html(`${'> '.repeat(8)}深处`).match(/<blockquote>/g)).toHaveLength(8);
    const list = Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n');
    expect(html(list).match(/<ul>/g)).toHaveLength(8);
    // Over the limits the screen shows the text plain (Markdown.tsx); the mapping must still not throw.
    expect(() => html('>'.repeat(20_000) + ' 深处')).not.toThrow();
    expect(() => html(Array.from({ length: 700 }, (_, i) => `${' '.repeat(i * 2)}- ${i}`).join('\n'))).not.toThrow();
  });
});
