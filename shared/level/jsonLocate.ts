// Where things are in a JSON text: maps a JSON path such as ['stands', 41, 'exhibitor'] to the
// line and column of that value, and names the line and column of a syntax error, so the
// validator can print "levels/edtech.json:212:9 ..." that editors and terminals turn into links.
// A small hand-written scanner: JSON.parse gives neither positions of values nor stable
// error positions across engines.

export type JsonPathPart = string | number;

export interface JsonPosition {
  /** Index into the text, in UTF-16 code units. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters as editors count them (a leading byte-order mark is not counted). */
  column: number;
}

interface JsonNode {
  start: number;
  keys?: Map<string, JsonNode>;
  items?: JsonNode[];
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: JsonPosition,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface JsonIndex {
  /** Position of the value at `path`, or of its deepest ancestor that exists. */
  locate(path: readonly JsonPathPart[]): JsonPosition;
}

/** Offset -> line/column, with line starts computed once per text. */
function positioner(text: string): (offset: number) => JsonPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - starts[lo]! + 1 - (lo === 0 ? bom : 0);
    return { offset, line: lo + 1, column: Math.max(1, column) };
  };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '\n' || ch === '\r') return 'the end of the line';
  return JSON.stringify(ch);
}

class Scanner {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly at: (offset: number) => JsonPosition,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  private fail(message: string, offset = this.i): never {
    throw new JsonSyntaxError(message, this.at(offset));
  }

  private skip(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.i++;
      else if (c === '/' && (t[this.i + 1] === '/' || t[this.i + 1] === '*')) this.fail('comments are not allowed in JSON');
      else return;
    }
  }

  document(): JsonNode {
    this.skip();
    if (this.i >= this.text.length) this.fail('the file is empty');
    const root = this.value();
    this.skip();
    if (this.i < this.text.length) this.fail(`unexpected ${describe(this.text[this.i])} after the end of the data`);
    return root;
  }

  private value(): JsonNode {
    const t = this.text;
    const start = this.i;
    const c = t[start];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') {
      this.string();
      return { start };
    }
    if (c === "'") this.fail('strings use double quotes (") in JSON');
    for (const word of ['true', 'false', 'null']) {
      if (t.startsWith(word, start)) {
        this.i += word.length;
        return { start };
      }
    }
    NUMBER.lastIndex = start;
    if (NUMBER.exec(t)) {
      this.i = NUMBER.lastIndex;
      return { start };
    }
    if (c === undefined) this.fail('unexpected end of the file: a value is missing');
    if (c === ',' || c === '}' || c === ']') this.fail(`expected a value before ${describe(c)}`);
    this.fail(`unexpected ${describe(c)}: expected a value (number, "text", true, false, null, [...] or {...})`);
  }

  /** Scans a string starting at the opening quote; returns its decoded text. */
  private string(): string {
    const t = this.text;
    const start = this.i;
    let escaped = false;
    this.i++;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('a text in quotes is not closed', start);
      if (c === 34) break;
      if (c < 0x20) this.fail('a text in quotes is not closed on its line (write a line break as \\n)', start);
      if (c === 92) {
        escaped = true;
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) this.fail('"\\u" needs four hex digits');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(`unknown escape "\\${e ?? ''}" (write a backslash as \\\\)`);
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.i++;
    const raw = t.slice(start, this.i);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private object(): JsonNode {
    const node: JsonNode = { start: this.i, keys: new Map() };
    this.i++;
    this.skip();
    if (this.text[this.i] === '}') {
      this.i++;
      return node;
    }
    for (;;) {
      this.skip();
      const c = this.text[this.i];
      if (c === '}') this.fail('a trailing comma before "}" is not allowed in JSON', this.lastComma());
      if (c !== '"') {
        if (c === "'") this.fail('names use double quotes (") in JSON');
        this.fail(`expected a name in double quotes, found ${describe(c)}`);
      }
      const key = this.string();
      this.skip();
      if (this.text[this.i] !== ':') this.fail(`expected ":" after "${key}", found ${describe(this.text[this.i])}`);
      this.i++;
      this.skip();
      node.keys!.set(key, this.value());
      this.skip();
      const next = this.text[this.i];
      if (next === ',') {
        this.i++;
        continue;
      }
      if (next === '}') {
        this.i++;
        return node;
      }
      this.fail(`expected "," or "}" after the value of "${key}", found ${describe(next)}`);
    }
  }

  private array(): JsonNode {
    const node: JsonNode = { start: this.i, items: [] };
    this.i++;
    this.skip();
    if (this.text[this.i] === ']') {
      this.i++;
      return node;
    }
    for (;;) {
      this.skip();
      if (this.text[this.i] === ']') this.fail('a trailing comma before "]" is not allowed in JSON', this.lastComma());
      node.items!.push(this.value());
      this.skip();
      const next = this.text[this.i];
      if (next === ',') {
        this.i++;
        continue;
      }
      if (next === ']') {
        this.i++;
        return node;
      }
      this.fail(`expected "," or "]" after item ${node.items!.length - 1}, found ${describe(next)}`);
    }
  }

  private lastComma(): number {
    const k = this.text.lastIndexOf(',', this.i);
    return k >= 0 ? k : this.i;
  }
}

/** Indexes a JSON text for `locate`; throws JsonSyntaxError with a position when it is not JSON. */
export function indexJson(text: string): JsonIndex {
  const at = positioner(text);
  const root = new Scanner(text, at).document();
  return {
    locate(path) {
      let node = root;
      for (const part of path) {
        const next = typeof part === 'number' ? node.items?.[part] : node.keys?.get(part);
        if (!next) break;
        node = next;
      }
      return at(node.start);
    },
  };
}

/** The first syntax error of a text with its position, or null when the text is JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    indexJson(text);
    return null;
  } catch (err) {
    if (err instanceof JsonSyntaxError) return err;
    throw err;
  }
}

/** JSON.parse that tolerates a leading byte-order mark (editors on Windows like to add one). */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
