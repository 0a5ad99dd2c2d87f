import { createElement, type FunctionComponent, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderMarkdown } from '../src/renderer/src/components/markdown-render';
import { MARKDOWN_LIMITS, markdownProblems } from '../src/shared/pack/markdown-limits';
import type { BenchContext } from './lib/app';
import { ms, ratio, type FigureResult } from './lib/format';

/**
 * Rendering material (issue #14 item 6): the worst shape within the pack limits, a dense list
 * nested 1..8 levels deep and back, one paragraph of about 3,900 characters, parsed by markdown-it
 * and mapped to React elements (renderToStaticMarkup in Node, the renderer's own code), beside
 * the same items without nesting, rendered the same way. react-markdown took 0.2-0.5 s per such block
 * (the reason it was replaced); when it is still installed, it is measured here too.
 * Run alone: npx tsx bench/markdown-render.ts
 */

/** A list of about `chars` characters whose items nest 1..8 levels deep and back. */
export function denseNestedList(chars: number): string {
  const depths = [0, 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const line = `${'  '.repeat(depths[i % depths.length]!)}- 第${i}项`;
    if (size + line.length + 1 > chars) break;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** The same items without nesting: what the list would cost if depth cost nothing. */
const flat = (list: string) =>
  list
    .split('\n')
    .map((l) => l.trim())
    .join('\n');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median and fastest of `runs` timed renders, after `warm` untimed ones (the JIT settles first). */
function time(render: () => unknown, runs: number, warm = 10): { median: number; min: number } {
  for (let i = 0; i < warm; i++) render();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    render();
    t.push(performance.now() - start);
  }
  return { median: median(t), min: Math.min(...t) };
}

const html = (nodes: ReactNode) => renderToStaticMarkup(createElement('div', null, nodes));

/** react-markdown with the sanitizer, as the renderer used it, if the package is still installed. */
async function oldRenderer(): Promise<((text: string) => string) | null> {
  try {
    const [rm, rs] = ['react-markdown', 'rehype-sanitize'];
    // Loaded by name, untyped: the renderer no longer uses it and the lead may remove the package.
    const { default: ReactMarkdown } = (await import(rm)) as {
      default: FunctionComponent<{ rehypePlugins: unknown[]; skipHtml: boolean; children: string }>;
    };
    const { default: rehypeSanitize } = (await import(rs)) as { default: unknown };
    return (text) =>
      html(createElement(ReactMarkdown, { rehypePlugins: [rehypeSanitize], skipHtml: true, children: text }));
  } catch {
    return null;
  }
}

export async function markdownRender(ctx: BenchContext): Promise<FigureResult> {
  const chars = MARKDOWN_LIMITS.maxParagraphChars - 100;
  const dense = denseNestedList(chars);
  if (markdownProblems(dense, Buffer.byteLength(dense)).length) throw new Error('the dense list is over the limits');
  const runs = ctx.quick ? 10 : 40;
  const denseMs = time(() => html(renderMarkdown(dense)), runs);
  const proseMs = time(() => html(renderMarkdown(flat(dense))), runs);
  const rows = [
    {
      figure: `material: dense nested list, ${dense.length} chars, markdown-it to React (median of ${runs})`,
      measured: ms(denseMs.median),
      baseline: `the same items unnested: ${ms(proseMs.median)}`,
      ratio: ratio(denseMs.median, proseMs.median),
    },
  ];
  const notes = [
    `material rendering: Node ${process.version}, renderToStaticMarkup of the renderer's own mapping (components/markdown-render.ts); fastest run ${ms(denseMs.min)} (dense list), ${ms(proseMs.min)} (unnested); the screen renders one such block per task.`,
  ];
  const old = await oldRenderer();
  if (old) {
    const oldMs = time(() => old(dense), 5, 2);
    rows.push({
      figure: `material: the same list through react-markdown + rehype-sanitize (before, median of 5)`,
      measured: ms(oldMs.median),
      baseline: `markdown-it: ${ms(denseMs.median)}`,
      ratio: ratio(oldMs.median, denseMs.median),
    });
    notes.push(`material rendering: react-markdown's fastest run ${ms(oldMs.min)}.`);
  }
  return { rows, notes };
}

if (require.main === module) {
  const quiet = { tmp: '', quick: false, log: () => undefined, dir: () => '', memory: {} } as BenchContext;
  void markdownRender(quiet).then((r) => {
    for (const row of r.rows) console.log(`${row.figure}: ${row.measured} (${row.baseline}; ${row.ratio})`);
    for (const note of r.notes) console.log(`- ${note}`);
  });
}
