/**
 * The canvas: a React Flow view of the model. Moves, connections and drops become model
 * commands; the store writes them into the YAML and the projection redraws from the result.
 */
import {
  Controls,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  useStore,
  ViewportPortal,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import { connect, done, moveElements } from '../model/commands.js';
import { PALETTE_MIME, paletteItem } from '../model/palette.js';
import { appStore, canvasControl, canvasDrawn, useApp } from '../app/app-store.js';
import { projectTopology, type ElementNode, type Projection } from './projection.js';
import { selectionAfter } from './selection.js';
import { keepLocalNodes, shareUnchanged } from './stable-projection.js';
import { addPaletteItem, canvasActions } from './palette-drop.js';
import { applyDrag, dragOutcomes, pastePlacement } from './placement.js';
import { BackendNode } from './nodes/BackendNode.js';
import { ClusterNode } from './nodes/ClusterNode.js';
import { CollectorNode } from './nodes/CollectorNode.js';
import { ControlPlaneNode } from './nodes/ControlPlaneNode.js';
import { SiteNode } from './nodes/SiteNode.js';
import { EdgeLabelsShown, LABEL_MIN_ZOOM, LabelledEdge } from './edges/LabelledEdge.js';
import { CanvasMinimap, type MinimapColors } from './CanvasMinimap.js';

const nodeTypes = { site: SiteNode, cluster: ClusterNode, collector: CollectorNode, backend: BackendNode, controlPlane: ControlPlaneNode };
/** Flows and links are React Flow's default (bezier) edges, with labels that need no measuring. */
const edgeTypes = { default: LabelledEdge };

// React Flow copies these props into its store whenever their identity changes, and every store
// update runs the selectors of each of the thousand node and edge components (issue 4 §6): props
// stay constants, and callbacks read what changes through refs.
const SNAP_GRID: [number, number] = [8, 8];
const DEFAULT_EDGE_OPTIONS = { type: 'default' } as const;
/** How long after the last arrow key a keyboard move is written to the model. */
const KEY_MOVE_SETTLE_MS = 400;

const MINIMAP_COLORS: MinimapColors = {
  nodes: { site: 'transparent', cluster: 'transparent', collector: '#4f6bed', backend: '#0e9f6e', controlPlane: '#a855f7' },
  otherNode: '#888',
  frameStroke: '#8884',
};

/** Stores the selection the user's clicks made (see selection.ts for why not onSelectionChange). */
function selectFrom(changes: readonly (NodeChange<ElementNode> | EdgeChange)[]): void {
  const { selection, select } = appStore.getState();
  const next = selectionAfter(selection, changes);
  if (next !== selection) select([...next]);
}

function CanvasView() {
  const topology = useApp((state) => state.document.topology);
  const diagnostics = useApp((state) => state.diagnostics);
  const selection = useApp((state) => state.selection);
  const theme = useApp((state) => state.theme);
  const showMinimap = useApp((state) => state.panes.minimap);
  const flow = useReactFlow<ElementNode>();

  // The viewport is its own compositor layer (styles.css): panning and zooming move pixels already
  // drawn instead of painting a thousand nodes again each frame (issue 4 §6). A layer keeps the
  // scale it was drawn at, so after a zoom it is drawn again at the new one — taken off and put
  // back (`is-redrawing`, a class on the wrapper: a move renders nothing in React).
  const wrapper = useRef<HTMLDivElement>(null);
  /** Whether the user panned or zoomed since the document opened (programmatic moves have no event). */
  const userMoved = useRef(false);
  const drawnAtZoom = useRef<number | undefined>(undefined);
  const redraw = useRef(0);
  /** The document the view was last fitted to (below), and the one whose fit has happened (a move ended since). */
  const fitted = useRef<{ openId: unknown; size: string } | undefined>(undefined);
  const [fittedOpenId, setFittedOpenId] = useState<unknown>(undefined);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    if (event) userMoved.current = true;
    cancelAnimationFrame(redraw.current);
    wrapper.current?.classList.remove('is-redrawing');
    drawnAtZoom.current ??= viewport.zoom;
  }, []);
  const onMoveEnd = useCallback((_event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    if (fitted.current) setFittedOpenId(fitted.current.openId);
    if (drawnAtZoom.current === viewport.zoom) return;
    drawnAtZoom.current = viewport.zoom;
    wrapper.current?.classList.add('is-redrawing');
    // Two frames: one drawn without the layer, then the layer again at the new scale.
    redraw.current = requestAnimationFrame(() => {
      redraw.current = requestAnimationFrame(() => wrapper.current?.classList.remove('is-redrawing'));
    });
  }, []);

  // Unchanged nodes and edges keep their objects: React Flow redraws only what a change touched.
  const previousProjection = useRef<Projection>({ nodes: [], edges: [] });
  const projection = useMemo(() => {
    const next = topology ? projectTopology(topology, diagnostics, new Set(selection)) : { nodes: [], edges: [] };
    return (previousProjection.current = shareUnchanged(previousProjection.current, next));
  }, [topology, diagnostics, selection]);
  const [nodes, setNodes] = useState<ElementNode[]>(projection.nodes);
  const projectedNodes = useRef(projection.nodes);
  projectedNodes.current = projection.nodes;
  useEffect(() => setNodes((local) => keepLocalNodes(local, projection.nodes)), [projection]);

  // Every node measured: what waited for the canvas to be drawn (the engine run of a newly opened document) may go.
  const drawn = useNodesInitialized();
  useEffect(() => {
    if (drawn || nodes.length === 0) canvasDrawn();
  }, [drawn, nodes]);

  // The canvas controller the View commands (fit, zoom) use.
  useEffect(() => {
    canvasControl.fitView = () => void flow.fitView({ padding: 0.1, duration: 200 });
    canvasControl.zoomIn = () => void flow.zoomIn({ duration: 150 });
    canvasControl.zoomOut = () => void flow.zoomOut({ duration: 150 });
    canvasControl.zoomReset = () => void flow.zoomTo(1, { duration: 150 });
  }, [flow]);

  // Paste at the pointer (Ctrl/⌘+V over the canvas, app/clipboard-events.ts): where the pointer
  // last was over the pane or a node, kept in screen coordinates and turned into canvas ones when
  // the paste comes, so that a zoom or pan since (wheel, keys) still pastes under the pointer.
  // Off the canvas, or over its minimap and zoom controls, there is none: the paste goes beside
  // the originals.
  const pointer = useRef<{ x: number; y: number } | undefined>(undefined);
  const onPointerMove = useCallback((event: PointerEvent) => {
    const overPanel = event.target instanceof Element && event.target.closest('.react-flow__panel') !== null;
    pointer.current = overPanel ? undefined : { x: event.clientX, y: event.clientY };
  }, []);
  const onPointerLeave = useCallback(() => {
    pointer.current = undefined;
  }, []);
  useEffect(() => {
    canvasControl.pastePlacement = (kinds) =>
      pointer.current && pastePlacement(flow.getNodes(), kinds, flow.screenToFlowPosition(pointer.current));
    return () => {
      canvasControl.pastePlacement = () => undefined;
    };
  }, [flow]);

  // A newly opened document is shown whole, once its own nodes (not the last document's) have
  // their sizes, and again when the canvas changes size (the panes around it settling) until the
  // user moves the view.
  const isOpenId = useApp((state) => state.history.entries[0]);
  const zoomShowsLabels = useStore((state) => state.transform[2] >= LABEL_MIN_ZOOM);
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    const size = `${width}x${height}`;
    const last = fitted.current;
    if (!drawn || (last?.openId === isOpenId && (last.size === size || userMoved.current))) return;
    if (nodes.length !== projection.nodes.length || nodes.some((node, index) => node.id !== projection.nodes[index]!.id)) return;
    if (last?.openId !== isOpenId) userMoved.current = false;
    fitted.current = { openId: isOpenId, size };
    void flow.fitView({ padding: 0.1 });
  }, [drawn, isOpenId, nodes, projection, flow, width, height]);
  // Edge labels wait for that first fit: React Flow draws a document at zoom 1 first.
  const labelsShown = zoomShowsLabels && fittedOpenId === isOpenId;

  // Arrow keys move the selected nodes: React Flow moves them here, and no drag ends to say so.
  // The moves are written to the model a moment after the last key press, as one undo step.
  const dragging = useRef(false);
  const keyMoved = useRef(new Set<string>());
  const keyMoveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitKeyMoves = useCallback(() => {
    const current = new Map(flow.getNodes().map((node) => [node.id, node]));
    const moves = [...keyMoved.current].flatMap((id) => {
      const node = current.get(id);
      return node ? [{ id, x: Math.max(0, node.position.x), y: Math.max(0, node.position.y) }] : [];
    });
    keyMoved.current.clear();
    if (moves.length === 0) return;
    if (!appStore.getState().applyModel((model) => done(moveElements(model, moves)), { select: false })) setNodes(projectedNodes.current);
  }, [flow]);
  useEffect(() => () => clearTimeout(keyMoveTimer.current), []);

  const onNodesChange = useCallback(
    (changes: NodeChange<ElementNode>[]) => {
      // Removal is the delete command's job (it also removes what is inside and connected).
      const kept = changes.filter((change) => change.type !== 'remove');
      setNodes((current) => applyNodeChanges(kept, current));
      selectFrom(changes);
      const byKeys = changes.flatMap((change) => (change.type === 'position' && change.position && change.dragging === false && !dragging.current ? [change.id] : []));
      if (byKeys.length === 0) return;
      for (const id of byKeys) keyMoved.current.add(id);
      clearTimeout(keyMoveTimer.current);
      keyMoveTimer.current = setTimeout(commitKeyMoves, KEY_MOVE_SETTLE_MS);
    },
    [commitKeyMoves],
  );
  const onNodeDragStart = useCallback(() => {
    dragging.current = true;
  }, []);

  // The drag ends: a move in the same frame, or into another one (reparenting); refused, the nodes go back.
  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, _node: ElementNode, dragged: ElementNode[]) => {
      dragging.current = false;
      const moved = new Map(dragged.map((node) => [node.id, node.position]));
      const current = flow.getNodes().map((node) => (moved.has(node.id) ? { ...node, position: moved.get(node.id)! } : node));
      const pointer = 'changedTouches' in event ? event.changedTouches[0] : event;
      const point = pointer ? flow.screenToFlowPosition({ x: pointer.clientX, y: pointer.clientY }) : undefined;
      const outcomes = dragOutcomes(current, [...moved.keys()], point);
      if (!appStore.getState().applyModel((model) => applyDrag(model, outcomes), { select: false })) setNodes(projectedNodes.current);
    },
    [flow],
  );

  const onConnect = useCallback((connection: Connection) => {
    appStore.getState().applyModel((model) => connect(model, connection.source, connection.target));
  }, []);

  // Edges are the projection's: a user's click on one only selects it.
  const onEdgesChange = useCallback((changes: EdgeChange[]) => selectFrom(changes), []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const item = paletteItem(event.dataTransfer.getData(PALETTE_MIME));
      if (!item) return;
      event.preventDefault();
      addPaletteItem(nodes, item, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow, nodes],
  );

  // Enter on a palette item adds it at the centre of the visible canvas.
  useEffect(() => {
    canvasActions.addAtCentre = (item) => {
      const bounds = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
      if (!bounds) return false;
      const centre = flow.screenToFlowPosition({ x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 });
      return addPaletteItem(flow.getNodes(), item, centre, true);
    };
  }, [flow]);

  return (
    <EdgeLabelsShown.Provider value={labelsShown}>
      <ReactFlow<ElementNode>
        ref={wrapper}
        nodes={nodes}
        edges={projection.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onEdgesChange={onEdgesChange}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        deleteKeyCode={null}
        colorMode={theme}
        snapToGrid
        snapGrid={SNAP_GRID}
        minZoom={0.1}
        fitView
        aria-label="Topology canvas"
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      >
        <ViewportPortal>
          <div className="canvas-grid" aria-hidden="true" />
        </ViewportPortal>
        {showMinimap && <CanvasMinimap colors={MINIMAP_COLORS} theme={theme} label="Minimap" />}
        <Controls aria-label="Zoom controls" />
      </ReactFlow>
    </EdgeLabelsShown.Provider>
  );
}

export function Canvas() {
  return (
    <section className="canvas" aria-label="Canvas">
      <ReactFlowProvider>
        <CanvasView />
      </ReactFlowProvider>
    </section>
  );
}
