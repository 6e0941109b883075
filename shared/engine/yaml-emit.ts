/**
 * A deterministic YAML writer for the plain data the engine produces (maps, sequences, strings,
 * numbers, booleans, null), in the block style Kubernetes and collector users read. It records
 * the lines each origin covers, which is the source map the UI uses to jump between an element
 * and its lines. Scalars are quoted whenever a YAML 1.1 or 1.2 reader could take them for
 * anything but a string (kubectl still reads `on`, `yes` and `12:30` the 1.1 way).
 */

export type PathKey = string | number;

/** Lines (1-based, inclusive) of the generated text that come from one model element. */
export interface SourceRegion {
  readonly elementId: string;
  readonly path: readonly PathKey[];
  readonly startLine: number;
  readonly endLine: number;
}

export interface EmittedYaml {
  readonly text: string;
  readonly regions: readonly SourceRegion[];
}

/** Model element behind each generated path; the deepest origin wins in the UI. */
export type Origins = ReadonlyMap<string, string>;

export function originKey(path: readonly PathKey[]): string {
  return path.join('\u0000');
}

const YAML_SPECIAL_WORDS = new Set(
  [
    'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
    'on', 'On', 'ON', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL', '~', '=', '<<',
  ],
);
const PLAIN_CHARACTERS = /^[A-Za-z0-9_./$][A-Za-z0-9_./$\-+=@:,(){}[\]* '"%&!?^<>|~`]*$/;
const LOOKS_NUMERIC = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/;
const LOOKS_SPECIAL_NUMBER = /^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0[xob][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$/;
const LOOKS_TIMESTAMP = /^\d{4}-\d\d?-\d\d?/;

/** Scalars repeat across files (keys, ports, names): remember the verdicts, within bounds. */
const plainSafeCache = new Map<string, boolean>();

export function isPlainSafe(text: string): boolean {
  let safe = plainSafeCache.get(text);
  if (safe === undefined) {
    if (plainSafeCache.size > 50_000) plainSafeCache.clear();
    plainSafeCache.set(text, (safe = checkPlainSafe(text)));
  }
  return safe;
}

function checkPlainSafe(text: string): boolean {
  return (
    text.length > 0 &&
    PLAIN_CHARACTERS.test(text) &&
    !YAML_SPECIAL_WORDS.has(text) &&
    !LOOKS_NUMERIC.test(text) &&
    !LOOKS_SPECIAL_NUMBER.test(text) &&
    !LOOKS_TIMESTAMP.test(text) &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !text.endsWith(':') &&
    !text.endsWith(' ')
  );
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  const text = String(value);
  return isPlainSafe(text) ? text : quote(text);
}

const PRINTABLE_MULTILINE = /^[^\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]*$/;

/** A multi-line string as a literal block (`|`, `|-`), or undefined where only quoting is safe. */
function literalBlock(text: string, indent: string): string | undefined {
  if (!text.includes('\n') || text.includes('\r') || !PRINTABLE_MULTILINE.test(text)) return undefined;
  if (/^[ \t]/.test(text) || text.endsWith('\n\n') || /^\s*$/.test(text)) return undefined;
  const chomp = text.endsWith('\n') ? '' : '-';
  const body = (chomp ? text : text.slice(0, -1))
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line))
    .join('\n');
  return `|${chomp}\n${body}`;
}

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function isEmptyCollection(value: Record<string, unknown> | unknown[]): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

class Writer {
  readonly lines: string[] = [];
  readonly regions: SourceRegion[] = [];
  /** Physical lines written so far: a literal block is one entry of `lines` but several lines. */
  private lineCount = 0;
  /** No origin is deeper than this: below it, paths need no lookup. */
  private readonly originDepth: number;
  constructor(private readonly origins: Origins | undefined) {
    let depth = -1;
    for (const key of origins?.keys() ?? []) depth = Math.max(depth, key === '' ? 0 : key.split('\u0000').length);
    this.originDepth = depth;
  }

  push(line: string): void {
    this.lines.push(line);
    this.lineCount += 1;
    for (let index = line.indexOf('\n'); index !== -1; index = line.indexOf('\n', index + 1)) this.lineCount += 1;
  }

  /** Writes `value` as the body of a collection whose lines start with `indent`. */
  collection(value: Record<string, unknown> | unknown[], path: PathKey[], indent: string, firstLinePrefix?: string): void {
    let prefix = firstLinePrefix;
    const takePrefix = () => {
      const start = prefix ?? indent;
      prefix = undefined;
      return start;
    };
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const itemPath = [...path, index];
        this.tracked(itemPath, () => {
          const start = takePrefix();
          if (isCollection(item) && !isEmptyCollection(item)) {
            this.collection(item, itemPath, indent + '  ', `${start}- `);
          } else {
            this.push(`${start}- ${this.inline(item, indent + '  ')}`);
          }
        });
      });
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const childPath = [...path, key];
      this.tracked(childPath, () => {
        const start = `${takePrefix()}${scalar(key)}:`;
        if (isCollection(child) && !isEmptyCollection(child)) {
          this.push(start);
          this.collection(child, childPath, indent + '  ');
        } else {
          this.push(`${start} ${this.inline(child, indent + '  ')}`);
        }
      });
    }
  }

  private inline(value: unknown, indent: string): string {
    if (Array.isArray(value)) return '[]';
    if (isCollection(value)) return '{}';
    if (typeof value === 'string') return literalBlock(value, indent) ?? scalar(value);
    return scalar(value);
  }

  private tracked(path: PathKey[], write: () => void): void {
    const elementId = path.length <= this.originDepth ? this.origins?.get(originKey(path)) : undefined;
    if (elementId === undefined) {
      write();
      return;
    }
    const startLine = this.lineCount + 1;
    write();
    this.regions.push({ elementId, path, startLine, endLine: this.lineCount });
  }
}

/** Writes one YAML document. `origins` maps generated paths to the model element they come from. */
export function emitYaml(value: unknown, origins?: Origins): EmittedYaml {
  const writer = new Writer(origins);
  const rootOrigin = origins?.get(originKey([]));
  if (isCollection(value) && !isEmptyCollection(value)) writer.collection(value, [], '');
  else writer.push(Array.isArray(value) ? '[]' : isCollection(value) ? '{}' : scalar(value));
  const text = writer.lines.join('\n') + '\n';
  const lineCount = text.split('\n').length - 1;
  const regions = rootOrigin
    ? [{ elementId: rootOrigin, path: [], startLine: 1, endLine: lineCount }, ...writer.regions]
    : writer.regions;
  return { text, regions };
}
