/**
 * A fast reader for the YAML that manifests and collector configs are written in: `yaml`'s own
 * lexer, its tokens turned straight into plain data, without `yaml`'s parser or Documents (the
 * parser alone costs more than half of `parseAllDocuments`; the lexer a fifth).
 *
 * It reads a subset — block maps and sequences (compact ones in sequences too), single-line flow
 * maps and sequences, scalars of every style, comments, `---` and `...`, several documents a
 * stream, every root a map or a sequence — and resolves scalars exactly as a strict core-schema
 * parse and `toJS` do: quoted, block and multi-line scalars by `CST.resolveAsScalar`, that is by
 * `yaml` itself. Whatever lies outside the subset or would be an error of the full parse (anchors,
 * aliases, tags, directives, explicit keys, duplicate keys, `__proto__` and `<<` keys, tabs as
 * white space, bad indentation...) makes it decline, and so does what the import refuses in a
 * value (numbers that are not finite, more than 60 levels): the caller then reads the text the
 * full way, which words every problem. So what it reads needs no further guard.
 * shared/import/fast-yaml.property.test.ts holds the two reads equal (the import reads every
 * manifest with it; the app, a topology file it opens).
 */
import { CST, Lexer } from 'yaml';
/** A path into the data: map keys and sequence indexes. */
type ConfigPath = readonly (string | number)[];

export interface FastDocument {
  readonly value: unknown;
  /**
   * The offset of the node `path` reaches (a map entry's key, a sequence's item) and how many
   * keys of the path were found, as the full read's walk over `yaml` nodes finds them.
   */
  readonly find: (path: ConfigPath) => { offset: number; depth: number };
}

/** Deeper documents are left to the full read, which refuses them past 64 levels. */
const MAX_DEPTH = 60;

/**
 * Where the nodes of a collection were written: all the locator keeps of the text, flat to keep
 * allocation down. A map's entries are key (as `yaml` composes it: what a path key is compared
 * with), key offset, child shape; a sequence's are item offset, child shape.
 */
interface Shape {
  readonly isMap: boolean;
  readonly entries: unknown[];
}

const newShape = (isMap: boolean): Shape => ({ isMap, entries: [] });

/** Thrown to leave the text as soon as it needs what the fast reader does not do. */
class Declined {}
const declined = new Declined();

function decline(): never {
  throw declined;
}

type Kind = 'plain' | 'single' | 'double' | 'header' | 'body' | 'newline' | 'comment' | '-' | ':' | ',' | '{' | '}' | '[' | ']' | '---' | '...' | 'eof';

const KINDS = new Map<string, Kind>([
  ['-', '-'], [':', ':'], [',', ','], ['{', '{'], ['}', '}'], ['[', '['], [']', ']'], ['---', '---'], ['...', '...'], ['\n', 'newline'], ['', 'newline'],
]);

/** `yaml`'s lexemes one by one, each with its offset, its column and the parser's view of its line. */
class Tokens {
  private current: Kind = 'eof';
  source = '';
  offset = 0;
  column = 0;
  /** The parser's indentation of the line so far: spaces, and `-` indicators at its start. */
  indent = 0;
  /** Nothing but white space before it on its line. */
  first = true;
  /** White space right before it. */
  spaced = false;
  private readonly lexemes: Iterator<string>;
  private position = 0;
  private lineStart = 0;
  private atNewLine = true;
  private lineHasToken = false;
  private scalarNext = false;
  private bodyNext = false;

  constructor(
    text: string,
    private readonly onNewLine: ((offset: number) => void) | undefined,
  ) {
    this.lexemes = new Lexer().lex(text)[Symbol.iterator]();
    onNewLine?.(0);
  }

  /** A method rather than a field: each `next()` changes it, which TypeScript's narrowing would not see. */
  kind(): Kind {
    return this.current;
  }

  next(): void {
    this.spaced = false;
    for (;;) {
      const { value: source, done } = this.lexemes.next();
      if (done) {
        this.set('eof', '');
        return;
      }
      if (source === '\u0002') continue;
      if (source === '\u001f') {
        this.scalarNext = true;
        continue;
      }
      if (this.scalarNext) {
        this.scalarNext = false;
        const kind = this.bodyNext ? 'body' : 'plain';
        this.bodyNext = false;
        this.atNewLine = false;
        this.set(kind, source);
        this.newLinesIn(source);
        // A block scalar's body ends with its newline.
        if (kind === 'body') this.startLine(source.endsWith('\n') ? this.position : this.lineStart);
        return;
      }
      if (source[0] === ' ') {
        if (source.includes('\t')) decline();
        if (this.atNewLine) this.indent += source.length;
        this.position += source.length;
        this.spaced = true;
        continue;
      }
      const kind = KINDS.get(source) ?? kindOf(source);
      this.set(kind, source);
      if (kind === 'newline') {
        this.onNewLine?.(this.position);
        this.startLine(this.position);
      } else if (kind === '-') {
        if (this.atNewLine) this.indent += 1;
      } else {
        this.atNewLine = false;
        if (kind === 'header') this.bodyNext = true;
        else if (kind === 'single' || kind === 'double') this.newLinesIn(source);
      }
      return;
    }
  }

  private set(kind: Kind, source: string): void {
    this.current = kind;
    this.source = source;
    this.offset = this.position;
    this.column = this.position - this.lineStart;
    this.first = !this.lineHasToken;
    this.lineHasToken = true;
    this.position += source.length;
  }

  private startLine(offset: number): void {
    this.lineStart = offset;
    this.atNewLine = true;
    this.lineHasToken = false;
    this.indent = 0;
  }

  /** The parser counts the lines of multi-line scalars too. */
  private newLinesIn(source: string): void {
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
      this.onNewLine?.(this.offset + index + 1);
      this.lineStart = this.offset + index + 1;
    }
  }
}

function kindOf(source: string): Kind {
  switch (source[0]) {
    case '#':
      return 'comment';
    case "'":
      return 'single';
    case '"':
      return 'double';
    case '|':
    case '>':
      // Explicit indentation indicators are left to the full read.
      return /^[|>][-+]?$/.test(source) ? 'header' : decline();
    default:
      // Anchors, aliases, tags, directives, `?`, a byte order mark, `\r\n`, lexer errors.
      return decline();
  }
}

/**
 * The documents of `text`, or undefined where the full read must run. `onNewLine` receives every
 * line start as `yaml`'s parser reports them (a `LineCounter`'s `addNewLine`).
 */
export function readFastYaml(text: string, onNewLine?: (offset: number) => void): FastDocument[] | undefined {
  try {
    return new FastReader(new Tokens(text, onNewLine)).documents();
  } catch (error) {
    if (error === declined) return undefined;
    throw error;
  }
}

class FastReader {
  constructor(private readonly tokens: Tokens) {}

  documents(): FastDocument[] {
    const { tokens } = this;
    const documents: FastDocument[] = [];
    tokens.next();
    this.skipBlank();
    while (tokens.kind() !== 'eof') {
      if (tokens.kind() === '---') {
        tokens.next();
        this.endLine();
        this.skipBlank();
      }
      // Empty documents, and a root that is not a collection, are the full read's.
      if (tokens.kind() !== '-' && tokens.kind() !== '{' && tokens.kind() !== '[' && !isKey(tokens.kind())) decline();
      const offset = tokens.offset;
      const shape = newShape(false);
      const value = this.blockNode(-1, shape, 0);
      if (value === null || typeof value !== 'object') decline();
      const root = shape.entries[1] as Shape;
      documents.push({ value, find: (path) => find(root, offset, path) });
      if (tokens.kind() === '...') {
        tokens.next();
        this.endLine();
        this.skipBlank();
        if (tokens.kind() !== 'eof' && tokens.kind() !== '---') decline();
      } else if (tokens.kind() !== 'eof' && tokens.kind() !== '---') decline();
    }
    // Only comments: the full read words that.
    return documents.length > 0 ? documents : decline();
  }

  /** The end of a line: a comment after white space, then a newline (or the end). */
  private endLine(): void {
    const { tokens } = this;
    if (tokens.kind() === 'comment') {
      if (!tokens.spaced) decline();
      tokens.next();
    }
    if (tokens.kind() === 'newline') tokens.next();
    else if (tokens.kind() !== 'eof') decline();
  }

  /** Blank lines and comment lines. */
  private skipBlank(): void {
    const { tokens } = this;
    while (tokens.kind() === 'newline' || tokens.kind() === 'comment') {
      if (tokens.kind() === 'comment' && !tokens.spaced && !tokens.first) decline();
      tokens.next();
    }
  }

  /**
   * The node that starts at the current token, first on its line or after a `-`, inside a
   * collection at `column`; its offset and shape go into `into`.
   */
  private blockNode(column: number, into: Shape, depth: number): unknown {
    const { tokens } = this;
    if (depth > MAX_DEPTH) decline();
    into.entries.push(tokens.offset);
    switch (tokens.kind()) {
      case '-':
        return this.blockSeq(tokens.column, into, depth);
      case 'plain':
      case 'single':
      case 'double':
        return this.scalarOrMap(column, into, depth);
      default:
        return this.inlineValue(column, into, depth);
    }
  }

  /** A scalar, or the first key of a block map. */
  private scalarOrMap(column: number, into: Shape, depth: number): unknown {
    const { tokens } = this;
    const key = { kind: tokens.kind(), source: tokens.source, offset: tokens.offset, column: tokens.column };
    tokens.next();
    if (tokens.kind() === ':') return this.blockMap(key, into, depth);
    into.entries.push(undefined);
    const value = scalarValue(key.kind, key.source, key.offset, column);
    this.endLine();
    this.skipBlank();
    return value;
  }

  private blockMap(first: { kind: Kind; source: string; offset: number; column: number }, into: Shape, depth: number): Record<string, unknown> {
    const { tokens } = this;
    const { column } = first;
    const map: Record<string, unknown> = {};
    const shape = newShape(true);
    into.entries.push(shape);
    let key = first;
    for (;;) {
      // `a : b`, keys over several lines, and keys more than 1024 characters before their `:` (the composer's limit; with a margin).
      if (tokens.spaced || key.source.includes('\n') || tokens.offset - key.offset > 900) decline();
      const keyValue = scalarValue(key.kind, key.source, key.offset, column);
      const name = propertyName(keyValue, map);
      shape.entries.push(keyValue, key.offset);
      tokens.next();
      if (!tokens.spaced && tokens.kind() !== 'newline' && tokens.kind() !== 'eof') decline();
      if (tokens.kind() === 'newline' || tokens.kind() === 'comment' || tokens.kind() === 'eof') {
        this.endLine();
        this.skipBlank();
        if (tokens.first && isContent(tokens.kind()) && (tokens.column > column || (tokens.column === column && tokens.kind() === '-'))) {
          const holder = newShape(false);
          map[name] = this.blockNode(column, holder, depth + 1);
          shape.entries.push(holder.entries[1]);
        } else {
          map[name] = null;
          shape.entries.push(undefined);
        }
      } else {
        map[name] = this.inlineValue(column, shape, depth + 1);
      }
      if (!isContent(tokens.kind()) || tokens.column < column) return map;
      if (!tokens.first || tokens.column > column || !isKey(tokens.kind())) decline();
      key = { kind: tokens.kind(), source: tokens.source, offset: tokens.offset, column: tokens.column };
      tokens.next();
      if (tokens.kind() !== ':') decline();
    }
  }

  private blockSeq(column: number, into: Shape, depth: number): unknown[] {
    const { tokens } = this;
    const seq: unknown[] = [];
    const shape = newShape(false);
    into.entries.push(shape);
    for (;;) {
      tokens.next();
      if (tokens.kind() === 'newline' || tokens.kind() === 'comment' || tokens.kind() === 'eof') {
        // An empty item sits after its `-` and the spaces that follow.
        const empty = tokens.offset;
        this.endLine();
        this.skipBlank();
        if (tokens.first && isContent(tokens.kind()) && tokens.column > column) seq.push(this.blockNode(column, shape, depth + 1));
        else {
          shape.entries.push(empty, undefined);
          seq.push(null);
        }
      } else {
        if (!tokens.spaced) decline();
        seq.push(this.blockNode(column, shape, depth + 1));
      }
      if (!isContent(tokens.kind()) || tokens.column < column || (tokens.column === column && tokens.kind() !== '-')) return seq;
      if (!tokens.first || tokens.column > column) decline();
    }
  }

  /** A value on the line of its key or `-`: a scalar, a block scalar or a flow collection. */
  private inlineValue(column: number, into: Shape, depth: number): unknown {
    const { tokens } = this;
    switch (tokens.kind()) {
      case 'plain':
      case 'single':
      case 'double': {
        into.entries.push(undefined);
        const value = scalarValue(tokens.kind(), tokens.source, tokens.offset, column);
        tokens.next();
        // `a: b: c`
        if (tokens.kind() === ':') decline();
        this.endLine();
        this.skipBlank();
        return value;
      }
      case 'header':
        into.entries.push(undefined);
        return this.blockScalar();
      case '{':
      case '[': {
        const shape = newShape(tokens.kind() === '{');
        into.entries.push(shape);
        const value = this.flowCollection(shape, depth);
        this.endLine();
        this.skipBlank();
        return value;
      }
      default:
        return decline();
    }
  }

  private blockScalar(): string {
    const { tokens } = this;
    const header = { type: 'block-scalar-header' as const, offset: tokens.offset, indent: tokens.indent, source: tokens.source };
    tokens.next();
    if (tokens.kind() === 'comment') {
      if (!tokens.spaced) decline();
      tokens.next();
    }
    if (tokens.kind() !== 'newline') decline();
    const newline = { type: 'newline' as const, offset: tokens.offset, indent: header.indent, source: '\n' };
    tokens.next();
    if (tokens.kind() !== 'body') decline();
    const value = resolve({ type: 'block-scalar', offset: header.offset, indent: header.indent, props: [header, newline], source: tokens.source });
    tokens.next();
    this.skipBlank();
    return value;
  }

  /** A flow map or sequence on one line, of scalars and flow collections. */
  private flowCollection(shape: Shape, depth: number): unknown {
    const { tokens } = this;
    if (depth > MAX_DEPTH) decline();
    const isMap = tokens.kind() === '{';
    const close = isMap ? '}' : ']';
    const map: Record<string, unknown> = {};
    const seq: unknown[] = [];
    tokens.next();
    while (tokens.kind() !== close) {
      if (isMap) {
        if (!isKey(tokens.kind())) decline();
        const keyValue = scalarValue(tokens.kind(), tokens.source, tokens.offset, -1);
        const name = propertyName(keyValue, map);
        shape.entries.push(keyValue, tokens.offset);
        tokens.next();
        if (tokens.kind() !== ':') decline();
        tokens.next();
        if (tokens.kind() === ',' || tokens.kind() === close) {
          map[name] = null;
          shape.entries.push(undefined);
        } else map[name] = this.flowValue(shape, depth);
      } else {
        shape.entries.push(tokens.offset);
        seq.push(this.flowValue(shape, depth));
        // A pair in a flow sequence is a map of its own: the full read's.
        if (tokens.kind() === ':') decline();
      }
      if (tokens.kind() === ',') {
        tokens.next();
        // A second comma, or one right after the opening bracket, is an error.
        if (tokens.kind() === ',') decline();
      } else if (tokens.kind() !== close) decline();
    }
    tokens.next();
    return isMap ? map : seq;
  }

  private flowValue(shape: Shape, depth: number): unknown {
    const { tokens } = this;
    if (tokens.kind() === '{' || tokens.kind() === '[') {
      const child = newShape(tokens.kind() === '{');
      shape.entries.push(child);
      return this.flowCollection(child, depth + 1);
    }
    if (!isKey(tokens.kind()) || tokens.source.includes('\n')) decline();
    shape.entries.push(undefined);
    const value = scalarValue(tokens.kind(), tokens.source, tokens.offset, -1);
    tokens.next();
    return value;
  }
}

/**
 * A map key as `toJS` makes it a property name. `__proto__` and duplicates are the full read's to
 * refuse (keys equal as names only, `1` and `"1"`, too); `<<` merges where merging is on.
 */
function propertyName(key: unknown, map: Record<string, unknown>): string {
  const name = key === null ? '' : String(key);
  if (name === '__proto__' || name === '<<' || Object.hasOwn(map, name)) decline();
  return name;
}

function isKey(kind: Kind): boolean {
  return kind === 'plain' || kind === 'single' || kind === 'double';
}

/** Whether a token starts a node or an entry (not a line end, a document marker or the end). */
function isContent(kind: Kind): boolean {
  return kind !== 'eof' && kind !== 'newline' && kind !== 'comment' && kind !== '---' && kind !== '...';
}

/** A scalar's text as `yaml` reads it (escapes, folding, chomping), declining on any error it reports. */
function resolve(token: CST.FlowScalar | CST.BlockScalar): string {
  return CST.resolveAsScalar(token, true, decline)?.value ?? decline();
}

/**
 * A flow scalar's value. Its continuation lines must be indented past the collection it is in
 * (`column`): the full read decides the rest.
 */
function scalarValue(kind: Kind, source: string, offset: number, column: number): unknown {
  if (source.includes('\n')) {
    if (column < 0) decline();
    for (const line of source.split('\n').slice(1)) {
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== '' && indent <= column) decline();
    }
  }
  if (kind === 'plain') {
    // One line, not starting with a character `yaml` refuses there: its value is its source.
    const simple = !source.includes('\n') && !/^[\t,%|>@`]/.test(source);
    return plainValue(simple ? source : resolve({ type: 'scalar', offset, indent: 0, source }));
  }
  return resolve({ type: kind === 'single' ? 'single-quoted-scalar' : 'double-quoted-scalar', offset, indent: 0, source });
}

/** First characters of the plain scalars that the core schema reads as something other than a string. */
const NON_STRING_START = /^[-+.~0-9nNtTfF]/;

/** A plain scalar as the YAML 1.2 core schema resolves it, tag by tag in `yaml`'s order. */
function plainValue(source: string): unknown {
  if (source === '') return null;
  if (!NON_STRING_START.test(source)) return source;
  if (/^(?:~|[Nn]ull|NULL)$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === 't' || source[0] === 'T';
  if (/^0o[0-7]+$/.test(source)) return finite(parseInt(source.substring(2), 8));
  if (/^[-+]?[0-9]+$/.test(source)) return finite(parseInt(source, 10));
  if (/^0x[0-9a-fA-F]+$/.test(source)) return finite(parseInt(source.substring(2), 16));
  // `.inf` and `.nan`, and numbers too large to be finite, are no number a collector reads: the full read says so.
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) decline();
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) {
    return finite(parseFloat(source));
  }
  return source;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : decline();
}

/** The full read's walk (yaml-input.ts), over the shapes the reader kept. */
function find(root: Shape | undefined, rootOffset: number, path: ConfigPath): { offset: number; depth: number } {
  let shape = root;
  let offset = rootOffset;
  let depth = 0;
  for (const key of path) {
    if (!shape) break;
    let at = -1;
    if (shape.isMap) {
      for (let index = 0; index < shape.entries.length; index += 3) {
        if (shape.entries[index] === key) {
          at = index + 1;
          break;
        }
      }
    } else if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key * 2 < shape.entries.length) at = key * 2;
    if (at === -1) break;
    offset = shape.entries[at] as number;
    shape = shape.entries[at + 1] as Shape | undefined;
    depth++;
  }
  return { offset, depth };
}
