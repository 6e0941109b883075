/**
 * Where things land on the canvas: which frame a drop, a drag or a paste at the pointer ends in,
 * and what that means for the model. Dragging a cluster onto another site changes its `site`, a
 * collector onto another cluster its `cluster`, a backend or control plane into or out of a site
 * its `site`; a move inside the same frame only changes the layout. Pure: the canvas passes its
 * nodes in.
 */
import { KIND_NAMES, type Element, type Topology } from '../../shared/model/topology.js';
import { moveElements, updateElement, type Outcome } from '../model/commands.js';
import type { PaletteItem } from '../model/palette.js';
import { absolutePosition, FRAME_MINIMUM, FRAME_PADDING, LEAF, type ElementNode, type NodeKind } from './projection.js';

interface Point { x: number; y: number }

export type DragOutcome =
  /** Stays in its frame: a new position relative to it. */
  | { kind: 'move'; id: string; position: Point }
  /** Into another frame (`parentId` undefined: out of any site, for backends and control planes). */
  | { kind: 'reparent'; id: string; field: 'site' | 'cluster'; parentId: string | undefined; position: Point }
  /** Dropped where it cannot live (a cluster outside every site...): it goes back. */
  | { kind: 'reject'; id: string; reason: string };

/** The frame each node kind lives in, and the model field naming it. */
const PARENT: Partial<Record<string, { frame: 'site' | 'cluster'; field: 'site' | 'cluster'; required: boolean }>> = {
  cluster: { frame: 'site', field: 'site', required: true },
  collector: { frame: 'cluster', field: 'cluster', required: true },
  backend: { frame: 'site', field: 'site', required: false },
  controlPlane: { frame: 'site', field: 'site', required: false },
};

/** The innermost frame of `kind` containing `point`, leaving out `excluded` ids. */
function frameUnder(nodes: readonly ElementNode[], point: Point, kind: 'site' | 'cluster', excluded: ReadonlySet<string>): ElementNode | undefined {
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index]!;
    if (node.type !== kind || excluded.has(node.id)) continue;
    const at = absolutePosition(nodes, node.id);
    if (point.x >= at.x && point.y >= at.y && point.x <= at.x + (node.width ?? 0) && point.y <= at.y + (node.height ?? 0)) return node;
  }
  return undefined;
}

const nonNegative = (point: Point): Point => ({ x: Math.max(0, point.x), y: Math.max(0, point.y) });

/**
 * What a finished drag means. `nodes` are the canvas nodes with the dragged ones at their new
 * positions; `point` is where the pointer let go (canvas coordinates), which decides the frame
 * when a single node (or frame) is dragged; several nodes each go by their centre.
 */
export function dragOutcomes(nodes: readonly ElementNode[], draggedIds: readonly string[], point?: Point): DragOutcome[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const dragged = new Set(draggedIds);
  // A node dragged along with its frame stays in it.
  const leading = draggedIds.filter((id) => !byId.get(id)?.parentId || !dragged.has(byId.get(id)!.parentId!));
  return draggedIds.flatMap((id): DragOutcome[] => {
    const node = byId.get(id);
    if (!node) return [];
    const rule = PARENT[node.type ?? ''];
    if (!rule || !leading.includes(id)) return [{ kind: 'move', id, position: node.position }];
    const topLeft = absolutePosition(nodes, id);
    const centre = { x: topLeft.x + (node.width ?? 0) / 2, y: topLeft.y + (node.height ?? 0) / 2 };
    const at = point && leading.length === 1 ? point : centre;
    const target = frameUnder(nodes, at, rule.frame, dragged);
    if (target?.id === node.parentId && target) return [{ kind: 'move', id, position: nonNegative(node.position) }];
    if (!target) {
      if (rule.required) return [{ kind: 'reject', id, reason: `A ${KIND_NAMES[node.type!]} belongs in a ${rule.frame}: drop it inside one.` }];
      if (!node.parentId) return [{ kind: 'move', id, position: node.position }];
      return [{ kind: 'reparent', id, field: rule.field, parentId: undefined, position: topLeft }];
    }
    const origin = absolutePosition(nodes, target.id);
    return [{ kind: 'reparent', id, field: rule.field, parentId: target.id, position: nonNegative({ x: topLeft.x - origin.x, y: topLeft.y - origin.y }) }];
  });
}

/** The model change of a finished drag: one command (one undo step) for every node dragged. */
export function applyDrag(topology: Topology, outcomes: readonly DragOutcome[]): Outcome {
  const rejected = outcomes.find((outcome) => outcome.kind === 'reject');
  if (rejected) return { ok: false, error: rejected.reason };
  let next = topology;
  for (const outcome of outcomes) {
    if (outcome.kind !== 'reparent') continue;
    const updated = updateElement(next, outcome.id, { [outcome.field]: outcome.parentId });
    if (!updated.ok) return updated;
    next = updated.topology;
  }
  const moves = outcomes.flatMap((outcome) => (outcome.kind === 'reject' ? [] : [{ id: outcome.id, ...outcome.position }]));
  return { ok: true, topology: moveElements(next, moves) };
}

/** The size a new element of `kind` is drawn at. */
export function newElementSize(kind: PaletteItem['kind']): { width: number; height: number } {
  return kind === 'site' || kind === 'cluster' ? FRAME_MINIMUM[kind] : LEAF;
}

/**
 * Where a palette item dropped at `point` goes: its site and cluster, and its position in its
 * parent (clear of the frame's header). `centred` puts the element's centre at the point (adding
 * from the keyboard) rather than its top-left corner (the pointer of a drop).
 */
export function dropPlacement(
  nodes: readonly ElementNode[],
  item: Pick<PaletteItem, 'kind' | 'parent'>,
  point: Point,
  centred = false,
): { siteId?: string; clusterId?: string; position: Point } {
  const none = new Set<string>();
  const site = frameUnder(nodes, point, 'site', none);
  const cluster = frameUnder(nodes, point, 'cluster', none);
  const parent = item.parent === 'cluster' ? cluster : item.kind === 'site' ? undefined : site;
  const size = newElementSize(item.kind);
  const shift = centred ? { x: size.width / 2, y: size.height / 2 } : { x: 0, y: 0 };
  return {
    ...(site ? { siteId: site.id } : {}),
    ...(cluster ? { clusterId: cluster.id } : {}),
    position: positionIn(nodes, parent, { x: point.x - shift.x, y: point.y - shift.y }),
  };
}

/** `point` (canvas coordinates) in `frame`'s, clear of its header and sides; the canvas's own where there is no frame. */
function positionIn(nodes: readonly ElementNode[], frame: ElementNode | undefined, point: Point): Point {
  if (!frame) return point;
  const origin = absolutePosition(nodes, frame.id);
  return { x: Math.max(FRAME_PADDING.side, point.x - origin.x), y: Math.max(FRAME_PADDING.top, point.y - origin.y) };
}

/**
 * Where a paste at the pointer goes: into a frame (`into`: a site's or cluster's id; `null`, the
 * canvas itself) with the first pasted node's top-left at `position` in it; or, where no frame
 * under the pointer can hold what is pasted, why not (`refused`).
 */
export type PastePlacement = { into: string | null; position: Point } | { refused: string };

type PasteFrame = 'cluster' | 'site' | 'canvas';

/** Whether a node of `kind` may be pasted into a frame of `frame`'s kind (as it may be dragged there). */
function holds(frame: PasteFrame, kind: NodeKind): boolean {
  const rule = PARENT[kind];
  return frame === 'canvas' ? !rule?.required : rule?.frame === frame;
}

/**
 * Where a paste at `point` (the pointer, canvas coordinates) goes, given the kinds of its
 * outermost nodes (`kinds[0]` the first one's, which goes at the point): into the innermost frame
 * under the point that can hold them all — the cluster there, else the site there, else the
 * canvas itself — so a cluster pasted over another cluster goes into the site around it, and a
 * backend over a cluster into that cluster's site.
 *
 * A collector, backend or control plane is centred on the point, as if held by the pointer: a
 * node cut and pasted without moving the mouse comes back where it was. A site or cluster has its
 * top-left corner (its header) at the point, as in a palette drop: its size depends on what is
 * inside it, and centring a large site would throw its corner far above and left of the pointer,
 * over other frames or out of view. Either way the node is kept clear of the frame's header.
 *
 * Where no frame there can hold them (a collector not over a cluster, a cluster outside every
 * site, a collector and a cluster pasted together), the answer is why not: the paste then goes
 * beside the originals, into the frames they came from, rather than being refused — the user
 * asked for a paste, and a copy beside its original is always one the model can hold, easy to
 * drag where it belongs.
 */
export function pastePlacement(nodes: readonly ElementNode[], kinds: readonly NodeKind[], point: Point): PastePlacement {
  const none = new Set<string>();
  const frames: Array<{ kind: PasteFrame; node: ElementNode | undefined }> = [
    { kind: 'cluster', node: frameUnder(nodes, point, 'cluster', none) },
    { kind: 'site', node: frameUnder(nodes, point, 'site', none) },
    { kind: 'canvas', node: undefined },
  ];
  const under = frames.filter((frame) => frame.kind === 'canvas' || frame.node !== undefined);
  const target = under.find((frame) => kinds.every((kind) => holds(frame.kind, kind)));
  if (target) {
    const centred = kinds[0] !== undefined && kinds[0] !== 'site' && kinds[0] !== 'cluster';
    const corner = centred ? { x: point.x - LEAF.width / 2, y: point.y - LEAF.height / 2 } : point;
    return { into: target.node?.id ?? null, position: positionIn(nodes, target.node, corner) };
  }
  const homeless = kinds.filter((kind) => !under.some((frame) => holds(frame.kind, kind)));
  if (homeless.length !== 1) return { refused: 'no one frame under the pointer can hold them all' };
  const kind = homeless[0]!;
  return { refused: `a ${KIND_NAMES[kind]} goes in a ${PARENT[kind]!.frame}, and there is none under the pointer` };
}

/** The site or cluster the selection is in (or is), for adding from the keyboard. */
export function selectedFrame(topology: Topology, selection: readonly string[], kind: 'site' | 'cluster'): string | undefined {
  if (selection.length !== 1) return undefined;
  const byId = new Map(topology.elements.map((element) => [element.id, element]));
  for (let element: Element | undefined = byId.get(selection[0]!); element; ) {
    if (element.kind === kind) return element.id;
    const parentId: string | undefined =
      element.kind === 'collector' ? element.cluster
      : element.kind === 'cluster' || element.kind === 'backend' || element.kind === 'controlPlane' ? element.site
      : undefined;
    element = parentId ? byId.get(parentId) : undefined;
  }
  return undefined;
}
