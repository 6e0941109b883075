/**
 * Applies edit operations to the text a YAML document was parsed from, replacing only the
 * characters of the nodes they concern: everything else (comments, blank lines, quoting, flow
 * padding) stays byte for byte. Anything it cannot do safely makes it give up (`undefined`), and
 * the caller re-prints the document instead.
 */
import { Document, isCollection, isMap, isNode, isPair, isScalar, isSeq, Scalar, visit, YAMLSeq, type Node, type Pair } from 'yaml';
import type { EditOperation } from './patch-document.js';
import type { ModelPath } from './problem.js';

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

class Unsafe extends Error {}

function unsafe(why: string): never {
  throw new Unsafe(why);
}

export function spliceText(text: string, document: Document, operations: readonly EditOperation[]): string | undefined {
  try {
    const splices = operations.map((operation) => spliceFor(text, document, operation));
    // Sort by position; two insertions at one place keep the order of the operations, which is
    // document order (an item appended to the last key's sequence comes before a new last key).
    const ordered = splices.map((splice, order) => ({ splice, order })).sort((a, b) => a.splice.start - b.splice.start || a.order - b.order);
    let result = '';
    let cursor = 0;
    for (const { splice } of ordered) {
      if (splice.start < cursor) unsafe('overlapping edits');
      result += text.slice(cursor, splice.start) + splice.text;
      cursor = splice.end;
    }
    return result + text.slice(cursor);
  } catch (error) {
    if (error instanceof Unsafe) return undefined;
    throw error;
  }
}

function spliceFor(text: string, document: Document, operation: EditOperation): Splice {
  if (operation.path.length === 0) unsafe('the whole document');
  const collectionPath = operation.kind === 'appendItem' ? operation.path : operation.path.slice(0, -1);
  const parent = nodeAt(document, collectionPath);
  if (!isMap(parent) && !isSeq(parent)) unsafe('not a collection');
  const key = operation.path[operation.path.length - 1]!;
  switch (operation.kind) {
    case 'replace':
      return replaceValue(text, parent, key, operation.value);
    case 'deleteKey':
    case 'deleteItem':
      return deleteEntry(text, parent, key);
    case 'addKey':
      if (!isMap(parent)) unsafe('a key for a sequence');
      return addKey(text, parent, String(key), operation.value);
    case 'appendItem':
      if (!isSeq(parent)) unsafe('an item for a map');
      return appendItem(text, parent, operation.value);
  }
}

/** The node at `path`, refusing aliases, anchors and tags on the way (their text is shared or typed). */
function nodeAt(document: Document, path: ModelPath): Node {
  let node: unknown = document.contents;
  for (const key of [undefined, ...path]) {
    if (key !== undefined) {
      if (!isMap(node) && !isSeq(node)) unsafe('path through a scalar');
      node = node.get(key, true);
    }
    if (!isNode(node)) unsafe('missing node');
    if (node.anchor || node.tag || !node.range) unsafe('anchor, alias or tag');
  }
  return node as Node;
}

type Range = [number, number, number];

const rangeOf = (node: unknown): Range => {
  if (!isNode(node) || !node.range) unsafe('node without a range');
  return node.range as Range;
};

function pairOf(map: Node, key: string | number): Pair {
  if (!isMap(map)) unsafe('not a map');
  const pair = map.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
  if (!pair || !isScalar(pair.key)) unsafe('no such key');
  return pair;
}

/** Refuses a node that holds an anchor or alias: editing its text would change other nodes. */
function assertSelfContained(node: unknown): void {
  if (!isNode(node)) return;
  visit(node, {
    Node: (_, inner) => {
      if (inner.anchor || inner.tag) unsafe('anchor or tag inside');
    },
    Alias: () => unsafe('alias inside'),
  });
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Where the line holding the end of a node ends (after its newline), if only a comment follows. */
function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline + 1;
  if (!/^[ \t]*(#.*)?\r?\n?$/.test(text.slice(offset, end))) unsafe('more on the line');
  return end;
}

/** The end of a node's own text: its last line's content, without the newline a block node takes. */
function contentEnd(text: string, node: unknown): number {
  const end = rangeOf(node)[1];
  return end > 0 && text[end - 1] === '\n' ? end - 1 : end;
}

const columnOf = (text: string, offset: number) => offset - lineStart(text, offset);

const isBlockCollection = (node: unknown) => isCollection(node) && !node.flow;
const isInFlow = (parent: Node) => isCollection(parent) && parent.flow === true;

const indent = (lines: string, spaces: number) =>
  lines
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(spaces) + line))
    .join('\n');

/** `value` in block style, without its final newline. */
function renderBlock(value: unknown): string {
  return new Document(value).toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

/** `value` on one line, in flow style, padded like `{ a: 1 }` when the file pads. */
function renderFlow(value: unknown, padded: boolean): string {
  const document = new Document(value);
  if (isCollection(document.contents)) document.contents.flow = true;
  const rendered = document.toString({ lineWidth: 0, flowCollectionPadding: padded }).replace(/\n$/, '');
  if (rendered.includes('\n')) unsafe('flow value on several lines');
  return rendered;
}

/** A scalar in the style of the one it replaces when that style can hold it. */
function renderScalar(value: unknown, like: Node | null, inFlow: boolean): string {
  const scalar = new Scalar(value);
  if (isScalar(like) && (like.type === 'PLAIN' || like.type === 'QUOTE_DOUBLE' || like.type === 'QUOTE_SINGLE')) scalar.type = like.type;
  let rendered: string;
  if (inFlow) {
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.items.push(scalar);
    rendered = new Document(seq).toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '').slice(1, -1);
  } else rendered = new Document(scalar).toString({ lineWidth: 0 }).replace(/\n$/, '');
  if (rendered.includes('\n')) unsafe('scalar on several lines');
  return rendered;
}

const isCollectionValue = (value: unknown) => typeof value === 'object' && value !== null;
const isEmptyCollection = (value: unknown) =>
  Array.isArray(value) ? value.length === 0 : isCollectionValue(value) && Object.keys(value as object).length === 0;

function replaceValue(text: string, parent: Node, key: string | number, value: unknown): Splice {
  const inFlow = isInFlow(parent);
  const pair = isMap(parent) ? pairOf(parent, key) : undefined;
  const node = pair ? pair.value : (parent as YAMLSeq).get(key as number, true);
  if (!isNode(node)) unsafe('a key without a value');
  if (node.anchor || node.tag) unsafe('anchor or tag');
  assertSelfContained(node);
  const [start] = rangeOf(node);
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) unsafe('block scalar');

  if (!isCollectionValue(value) || (isEmptyCollection(value) && !isBlockCollection(node))) {
    const rendered = isCollectionValue(value) ? (Array.isArray(value) ? '[]' : '{}') : renderScalar(value, node, inFlow);
    if (isBlockCollection(node)) return afterColon(text, pair, node, ` ${rendered}`);
    // `key:` with nothing after it has an empty value node right after the colon.
    const padding = rangeOf(node)[1] === start && !inFlow ? ' ' : '';
    return { start, end: rangeOf(node)[1], text: padding + rendered };
  }
  if (inFlow || (isCollection(node) && node.flow && !isEmptyCollection(node.items))) {
    return { start, end: rangeOf(node)[1], text: renderFlow(value, text[start + 1] === ' ') };
  }
  if (isBlockCollection(node) || !pair) {
    // A block collection (or an item of a block sequence) starts where its first line starts:
    // the rest of the lines line up under it.
    const column = columnOf(text, start);
    const [first, ...rest] = renderBlock(value).split('\n');
    return { start, end: contentEnd(text, node), text: [first, indent(rest.join('\n'), column)].join(rest.length > 0 ? '\n' : '') };
  }
  const keyColumn = columnOf(text, rangeOf(pair.key)[0]);
  return afterColon(text, pair, node, `\n${indent(renderBlock(value), keyColumn + 2)}`);
}

/** Replaces everything from just after `key:` to the end of its value's content. */
function afterColon(text: string, pair: Pair | undefined, node: Node, replacement: string): Splice {
  if (!pair) unsafe('not a map entry');
  const keyEnd = rangeOf(pair.key)[1];
  const colon = text.indexOf(':', keyEnd);
  if (colon === -1 || text.slice(keyEnd, colon).trim() !== '') unsafe('no colon after the key');
  return { start: colon + 1, end: contentEnd(text, node), text: replacement };
}

function deleteEntry(text: string, parent: Node, key: string | number): Splice {
  const items: unknown[] = isMap(parent) ? parent.items : (parent as YAMLSeq).items;
  const index = isMap(parent) ? parent.items.indexOf(pairOf(parent, key)) : (key as number);
  const item = items[index];
  if (item === undefined) unsafe('no such item');
  assertSelfContained(isPair(item) ? item.value : item);
  const startOf = (entry: unknown) => rangeOf(isPair(entry) ? entry.key : entry)[0];
  const endOf = (entry: unknown) => contentEnd(text, isPair(entry) ? (entry.value ?? entry.key) : entry);

  if (isInFlow(parent)) {
    const flowRange = rangeOf(parent);
    let splice: Splice;
    if (items.length === 1) splice = { start: flowRange[0], end: flowRange[1], text: isMap(parent) ? '{}' : '[]' };
    else if (index < items.length - 1) splice = { start: startOf(item), end: startOf(items[index + 1]), text: '' };
    else splice = { start: endOf(items[index - 1]), end: endOf(item), text: '' };
    if (/[#\n]/.test(text.slice(splice.start, splice.end))) unsafe('flow entry across lines or with a comment');
    return splice;
  }
  const start = startOf(item);
  const first = lineStart(text, start);
  // A block sequence item starts at its dash; a map entry at its key. Either must open its line.
  const lead = text.slice(first, start);
  if (!(isMap(parent) ? /^[ \t]*$/ : /^[ \t]*-[ \t]+$/).test(lead)) unsafe('entry shares its first line');
  if (items.length === 1) unsafe('the last entry of a block collection');
  return { start: first, end: endOfLine(text, endOf(item)), text: '' };
}

function addKey(text: string, map: Node, key: string, value: unknown): Splice {
  if (!isMap(map)) unsafe('not a map');
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    const entry = renderFlow({ [key]: value }, false).slice(1, -1);
    const [start, end] = rangeOf(map);
    if (!last) return { start, end, text: `{${entry}}` };
    const at = contentEnd(text, last.value ?? last.key);
    return { start: at, end: at, text: `, ${entry}` };
  }
  if (!last) unsafe('an empty block map');
  const column = columnOf(text, rangeOf(last.key)[0]);
  return insertLines(text, endOfLine(text, contentEnd(text, last.value ?? last.key)), indent(renderBlock({ [key]: value }), column));
}

function appendItem(text: string, seq: Node, value: unknown): Splice {
  if (!isSeq(seq)) unsafe('not a sequence');
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    if (!last) unsafe('an empty flow sequence');
    const item = renderFlow([value], text[rangeOf(seq)[0] + 1] === ' ').replace(/^\[ ?/, '').replace(/ ?\]$/, '');
    const at = contentEnd(text, last);
    return { start: at, end: at, text: `, ${item}` };
  }
  if (!last) unsafe('an empty block sequence');
  const itemStart = rangeOf(last)[0];
  const dash = text.lastIndexOf('-', itemStart);
  if (dash === -1 || !/^[ \t]*$/.test(text.slice(lineStart(text, dash), dash))) unsafe('no dash');
  const column = columnOf(text, dash);
  const [first, ...rest] = renderBlock(value).split('\n');
  const lines = [`- ${first}`, ...rest.map((line) => (line === '' ? line : `  ${line}`))].join('\n');
  return insertLines(text, endOfLine(text, contentEnd(text, last)), indent(lines, column));
}

/** New lines at `offset`, the start of a line (or the end of a text without a final newline). */
function insertLines(text: string, offset: number, lines: string): Splice {
  const opensLine = offset === 0 || text[offset - 1] === '\n';
  return { start: offset, end: offset, text: `${opensLine ? '' : '\n'}${lines}${opensLine ? '\n' : ''}` };
}
