import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { LoadProblem, ModelPath } from './problem.js';

/** Alias expansions allowed while reading (billion-laughs guard). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  /** The text the document was parsed from, which saving edits in place. */
  readonly text: string;
  readonly document: Document;
  readonly lineCounter: LineCounter;
}

export type YamlReadResult =
  | { ok: true; value: unknown; parsed: ParsedYaml }
  | { ok: false; problems: LoadProblem[] };

/** How every strict read parses: positions kept, duplicate keys and other leniencies refused. */
export const STRICT_PARSE = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** The syntax errors of a parsed document, each with its line and column (1-based). */
export function syntaxErrors(document: Document, lineCounter: LineCounter): Array<{ message: string; line: number; column: number }> {
  return document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    return { message: error.message.split('\n')[0]!, line: position.line, column: position.col };
  });
}

/** Parses YAML text, reporting every syntax error with its line and column. */
export function readYaml(text: string): YamlReadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, ...STRICT_PARSE });
  if (document.errors.length > 0) return { ok: false, problems: syntaxErrors(document, lineCounter) };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), parsed: { text, document, lineCounter } };
  } catch (error) {
    return { ok: false, problems: [{ message: `cannot read the YAML: ${(error as Error).message}` }] };
  }
}

/** The line and column of the deepest node of the document that `path` reaches. */
export function locate(parsed: ParsedYaml, path: ModelPath): { line: number; column: number } | undefined {
  let node: Node | undefined = parsed.document.contents ?? undefined;
  let found = node;
  for (const key of path) {
    if (isMap(node) || isSeq(node)) {
      const next = node.get(key, true) as Node | undefined;
      if (!next) break;
      // A missing value points at its key, which is more useful than the parent map.
      node = next;
      found = next;
    } else break;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const position = parsed.lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}
