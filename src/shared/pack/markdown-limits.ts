/**
 * Bounds on session material that keep rendering cheap. They were set for micromark (the parser
 * of react-markdown, the renderer before markdown-it), which overflowed the stack on deep nesting
 * and spent time growing with the square of long runs of unmatched `[`, `*`, `_` or backticks;
 * markdown-it is far cheaper on those shapes, but the rendered tree still grows with nesting and
 * markers, and packs built against these limits stay valid. So a paragraph (text between blank
 * lines) is kept short, its inline markers few, and nesting shallow; the renderer also renders a
 * long material a block at a time (components/Markdown.tsx). Shared by `studypack build`, the
 * verifier and the renderer (which shows over-limit text from an older install as plain text).
 */
export const MARKDOWN_LIMITS = Object.freeze({
  /** One session's material, in UTF-8 bytes. */
  maxMaterialBytes: 256 * 1024,
  /** Characters between two blank lines (this also bounds the longest line). */
  maxParagraphChars: 4000,
  /** `[`, `]`, `*`, `_`, `` ` ``, `<`, `!` in one paragraph. */
  maxMarkersPerParagraph: 200,
  /** Blockquote `>` levels plus list indentation levels at the start of a line. */
  maxNesting: 8,
});

export interface MarkdownProblem {
  rule: 'material-size' | 'paragraph-length' | 'inline-markers' | 'nesting';
  line: number;
  message: string;
}

const MARKERS = /[[\]*_`<!]/g;

/** Depth of `>` and of list indentation (two or more spaces, or a tab, per level) at a line's start. */
function nestingOf(line: string): number {
  let depth = 0;
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] !== '>') break;
    depth++;
    i++;
  }
  const indent = /^[ \t]*/.exec(line.slice(i))![0].replace(/\t/g, '    ').length;
  const isListItem = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(line.slice(i));
  return depth + (isListItem ? Math.floor(indent / 2) + 1 : 0);
}

/** The first problem of each kind, with the line it starts on (1-based); empty when within limits. */
export function markdownProblems(text: string, utf8Bytes: number): MarkdownProblem[] {
  const L = MARKDOWN_LIMITS;
  const problems: MarkdownProblem[] = [];
  const seen = new Set<MarkdownProblem['rule']>();
  const add = (p: MarkdownProblem) => {
    if (seen.has(p.rule)) return;
    seen.add(p.rule);
    problems.push(p);
  };
  if (utf8Bytes > L.maxMaterialBytes) {
    add({
      rule: 'material-size',
      line: 1,
      message: `is ${utf8Bytes} bytes; material is limited to ${L.maxMaterialBytes}`,
    });
  }
  const lines = text.split('\n');
  let start = 0;
  let chars = 0;
  let markers = 0;
  const endParagraph = () => {
    if (chars > L.maxParagraphChars) {
      add({
        rule: 'paragraph-length',
        line: start + 1,
        message: `has a paragraph of ${chars} characters; the limit is ${L.maxParagraphChars}`,
      });
    }
    if (markers > L.maxMarkersPerParagraph) {
      add({
        rule: 'inline-markers',
        line: start + 1,
        message: `has a paragraph with ${markers} of [ ] * _ \` < !; the limit is ${L.maxMarkersPerParagraph}`,
      });
    }
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      endParagraph();
      start = i + 1;
      chars = 0;
      markers = 0;
      return;
    }
    chars += line.length + 1;
    markers += line.match(MARKERS)?.length ?? 0;
    const depth = nestingOf(line);
    if (depth > L.maxNesting) {
      add({
        rule: 'nesting',
        line: i + 1,
        message: `nests ${depth} levels deep (quotes and lists); the limit is ${L.maxNesting}`,
      });
    }
  });
  endParagraph();
  return problems;
}
