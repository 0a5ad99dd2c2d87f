/**
 * A strict JSON reader that remembers where every value starts, so schema errors can point at a
 * line and column, and syntax errors always do (V8's JSON.parse messages often omit the position).
 * It also refuses duplicate keys: JSON.parse silently keeps the last one, so two tools could read
 * the same file differently.
 */

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface LocatedJson {
  value: unknown;
  /** JSON path (see jsonPathOf) to the offset where that value starts. */
  positions: Map<string, number>;
}

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** `quiz.questions[2].answer`; keys that are not identifiers as `["odd key"]`; the root is "". */
export function jsonPathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/** 1-based line and column (in UTF-16 code units, as editors count them) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function parseJsonLocated(text: string): LocatedJson {
  const p = new Parser(text);
  return { value: p.parseDocument(), positions: p.positions };
}

/**
 * The same result as parseJsonLocated (same value, same errors), but fast on the common case of a
 * valid file: native JSON.parse builds the value, and the positional reader runs only when it is
 * needed, so its per-value path strings and Map entries are not made for every large file.
 *
 * The positional reader stays the authority. Native JSON.parse differs from it in three ways, and
 * each falls back to it (which then reports the located error, or returns its own value):
 *   - JSON.parse refuses the text (also a second U+FEFF, which the reader tolerates);
 *   - nesting deeper than MAX_DEPTH, which JSON.parse accepts;
 *   - duplicate keys, which JSON.parse silently merges: every ":" outside strings in valid JSON
 *     separates exactly one object member, and JSON.parse creates one own property per distinct
 *     key (also for "__proto__", which it defines as a plain own key, as the reader does), so the
 *     members in the text equal the own keys in the value exactly when no object repeats a key.
 * `positions` is computed by the reader on first use (only when an issue is being located), from
 * `textAgain()` if given, so the caller may let go of this (large) string and rebuild it then.
 */
export function parseJsonFast(text: string, textAgain?: () => string): LocatedJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseJsonLocated(text);
  }
  const shape = scanStructure(text);
  if (shape.maxNesting > MAX_DEPTH || shape.members !== countOwnKeys(value)) return parseJsonLocated(text);
  let positions: Map<string, number> | undefined;
  const again = textAgain ?? (() => text);
  return {
    value,
    get positions() {
      positions ??= parseJsonLocated(again()).positions;
      return positions;
    },
  };
}

/**
 * Members (":" outside strings) and the deepest bracket nesting of text that JSON.parse accepted.
 * Strings are skipped with indexOf: a quote ends the string unless an odd run of backslashes
 * precedes it (JSON.parse has already checked the escapes themselves).
 */
function scanStructure(s: string): { members: number; maxNesting: number } {
  let members = 0;
  let open = 0;
  let maxNesting = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      let j = s.indexOf('"', i + 1);
      for (;;) {
        if (j < 0) return { members: -1, maxNesting: 0 }; // cannot happen after JSON.parse; never loop
        let k = j - 1;
        while (s.charCodeAt(k) === 92) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j = s.indexOf('"', j + 1);
      }
      i = j;
    } else if (c === 58) members++;
    else if (c === 123 || c === 91) {
      if (++open > maxNesting) maxNesting = open;
    } else if (c === 125 || c === 93) open--;
  }
  return { members, maxNesting };
}

/** Own keys of every object in a JSON.parse result (at most MAX_DEPTH + 1 levels deep). */
function countOwnKeys(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) n += countOwnKeys(x);
    return n;
  }
  // Object.keys, not for-in: own keys only, so enumerable keys on a prototype can never be counted.
  const keys = Object.keys(v);
  n += keys.length;
  for (const k of keys) n += countOwnKeys((v as Record<string, unknown>)[k]);
  return n;
}

class Parser {
  i = 0;
  readonly positions = new Map<string, number>();

  constructor(private readonly s: string) {
    if (s.charCodeAt(0) === 0xfeff) this.i = 1; // tolerate a byte order mark (Windows editors)
  }

  parseDocument(): unknown {
    this.ws();
    const value = this.value([], 0);
    this.ws();
    if (this.i < this.s.length) this.fail('Unexpected text after the end of the JSON value');
    return value;
  }

  private fail(message: string, at = this.i): never {
    throw new JsonSyntaxError(message, at);
  }

  private ws(): void {
    for (let c = this.s.charCodeAt(this.i); c === 32 || c === 9 || c === 10 || c === 13;) {
      c = this.s.charCodeAt(++this.i);
    }
  }

  private value(path: Array<string | number>, depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`Nesting deeper than ${MAX_DEPTH} levels`);
    this.positions.set(jsonPathOf(path), this.i);
    const c = this.s[this.i];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return this.string();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (m) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    if (c === undefined) this.fail('Unexpected end of the file: a value is missing');
    return this.fail(`Unexpected character ${JSON.stringify(c)}: expected a JSON value`);
  }

  private object(path: Array<string | number>, depth: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return obj;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('Expected a property name in double quotes');
      const keyAt = this.i;
      const key = this.string();
      if (seen.has(key)) this.fail(`Duplicate key ${JSON.stringify(key)}`, keyAt);
      seen.add(key);
      this.ws();
      if (this.s[this.i] !== ':') this.fail(`Expected ":" after the property name ${JSON.stringify(key)}`);
      this.i++;
      this.ws();
      const v = this.value([...path, key], depth + 1);
      // defineProperty, not assignment: a "__proto__" key must stay a plain (and rejected) key.
      Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return obj;
      if (c !== ',') this.fail('Expected "," or "}" after a property value', this.i - 1);
    }
  }

  private array(path: Array<string | number>, depth: number): unknown[] {
    const arr: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return arr;
    }
    for (;;) {
      this.ws();
      arr.push(this.value([...path, arr.length], depth + 1));
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return arr;
      if (c !== ',') this.fail('Expected "," or "]" after an array element', this.i - 1);
    }
  }

  private string(): string {
    const start = this.i;
    let j = start + 1;
    for (;;) {
      const c = this.s.charCodeAt(j);
      if (Number.isNaN(c)) this.fail('Unterminated string', start);
      if (c === 34) break;
      if (c < 0x20) this.fail('Control character inside a string (write \\n for a line break)', j);
      if (c === 92) {
        const e = this.s[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(j + 2, j + 6))) this.fail('Invalid \\u escape', j);
          j += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('Invalid escape sequence', j);
        j += 2;
        continue;
      }
      j++;
    }
    this.i = j + 1;
    return JSON.parse(this.s.slice(start, j + 1)) as string;
  }
}
