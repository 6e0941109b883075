/**
 * The canvas: a React Flow view of the model. Moves, connections and drops become model
 * commands; the store writes them into the YAML and the projection redraws from the result.
 */
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { addElement, connect, moveElements } from '../model/commands.js';
import { PALETTE_MIME, paletteItem } from '../model/palette.js';
import { appStore, canvasControl, useApp } from '../app/app-store.js';
import { absolutePosition, frameAt, projectTopology, type ElementNode } from './projection.js';
import { BackendNode } from './nodes/BackendNode.js';
import { ClusterNode } from './nodes/ClusterNode.js';
import { CollectorNode } from './nodes/CollectorNode.js';
import { ControlPlaneNode } from './nodes/ControlPlaneNode.js';
import { SiteNode } from './nodes/SiteNode.js';

const nodeTypes = { site: SiteNode, cluster: ClusterNode, collector: CollectorNode, backend: BackendNode, controlPlane: ControlPlaneNode };

const MINIMAP_COLORS: Record<string, string> = { site: 'transparent', cluster: 'transparent', collector: '#4f6bed', backend: '#0e9f6e', controlPlane: '#a855f7' };

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function CanvasView() {
  const topology = useApp((state) => state.document.topology);
  const diagnostics = useApp((state) => state.diagnostics);
  const selection = useApp((state) => state.selection);
  const theme = useApp((state) => state.theme);
  const flow = useReactFlow<ElementNode>();

  const projection = useMemo(
    () => (topology ? projectTopology(topology, diagnostics, new Set(selection)) : { nodes: [], edges: [] }),
    [topology, diagnostics, selection],
  );
  const [nodes, setNodes] = useState<ElementNode[]>(projection.nodes);
  useEffect(() => setNodes(projection.nodes), [projection]);

  useEffect(() => {
    canvasControl.fitView = () => void flow.fitView({ padding: 0.1, duration: 200 });
  }, [flow]);

  // A newly opened document is shown whole.
  const isOpenId = useApp((state) => state.history.entries[0]);
  useEffect(() => {
    const timer = setTimeout(() => void flow.fitView({ padding: 0.1 }), 50);
    return () => clearTimeout(timer);
  }, [isOpenId, flow]);

  const onNodesChange = useCallback((changes: NodeChange<ElementNode>[]) => {
    // Removal is the delete command's job (it also removes what is inside and connected).
    const kept = changes.filter((change) => change.type !== 'remove');
    setNodes((current) => applyNodeChanges(kept, current));
  }, []);

  const onNodeDragStop = useCallback((_event: unknown, _node: ElementNode, dragged: ElementNode[]) => {
    appStore.getState().applyModel(
      (model) => ({ ok: true, topology: moveElements(model, dragged.map((node) => ({ id: node.id, ...node.position }))) }),
      { select: false },
    );
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    appStore.getState().applyModel((model) => connect(model, connection.source, connection.target));
  }, []);

  const onSelectionChange = useCallback(({ nodes: selectedNodes, edges: selectedEdges }: OnSelectionChangeParams) => {
    const ids = [...selectedNodes.map((node) => node.id), ...selectedEdges.map((edge) => edge.id)];
    if (!sameIds(ids, appStore.getState().selection)) appStore.getState().select(ids);
  }, []);

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
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const site = frameAt(nodes, point, 'site');
      const cluster = frameAt(nodes, point, 'cluster');
      const parent = item.parent === 'cluster' ? cluster : item.kind === 'site' ? undefined : site;
      const origin = parent ? absolutePosition(nodes, parent.id) : { x: 0, y: 0 };
      appStore.getState().applyModel((model) =>
        addElement(model, item, {
          ...(site ? { siteId: site.id } : {}),
          ...(cluster ? { clusterId: cluster.id } : {}),
          position: { x: point.x - origin.x, y: point.y - origin.y },
        }),
      );
    },
    [flow, nodes],
  );

  return (
    <ReactFlow<ElementNode>
      nodes={nodes}
      edges={projection.edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeDragStop={onNodeDragStop}
      onConnect={onConnect}
      onSelectionChange={onSelectionChange}
      onDragOver={onDragOver}
      onDrop={onDrop}
      deleteKeyCode={null}
      colorMode={theme}
      snapToGrid
      snapGrid={[8, 8]}
      minZoom={0.1}
      fitView
      aria-label="Topology canvas"
      defaultEdgeOptions={{ type: 'default' }}
    >
      <Background gap={16} />
      <MiniMap pannable zoomable ariaLabel="Minimap" nodeColor={(node) => MINIMAP_COLORS[node.type ?? ''] ?? '#888'} nodeStrokeColor="#8884" />
      <Controls aria-label="Zoom controls" />
    </ReactFlow>
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
