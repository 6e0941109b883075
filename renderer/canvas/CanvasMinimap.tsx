/**
 * The minimap, drawn into one canvas. React Flow's <MiniMap> is an SVG with an element per node,
 * each subscribed to the flow's store: on a thousand-node topology every frame of a pan or zoom
 * ran a thousand selectors and laid out and painted the SVG again (issue 4 §6). Here one store
 * subscription redraws the canvas at most once a frame, and React Flow's own `XYMinimap` pans
 * and zooms the view from it, as from its SVG.
 */
import { Panel, useStore, useStoreApi } from '@xyflow/react';
import { XYMinimap, getInternalNodesBounds, getNodeDimensions, type XYMinimapInstance } from '@xyflow/system';
import { useEffect, useRef } from 'react';
import { minimapView, toMinimap, visibleRect, type Rect } from './minimap-geometry.js';
import type { ElementNode } from './projection.js';

/** React Flow's minimap size. */
const BOX = { width: 200, height: 150 };

/** Fill per node type; `transparent` types (frames) are outlined in `frameStroke` instead. */
export interface MinimapColors {
  readonly nodes: Readonly<Record<string, string>>;
  readonly otherNode: string;
  readonly frameStroke: string;
}

export function CanvasMinimap({ colors, theme, label }: { colors: MinimapColors; theme: string; label: string }) {
  const store = useStoreApi<ElementNode>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const viewScale = useRef(1);

  // Draws the nodes and the visible part, again on any change of the flow's store, once a frame.
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = BOX.width * ratio;
    element.height = BOX.height * ratio;
    // React Flow's minimap colours for the theme (`theme` re-runs this effect).
    const style = getComputedStyle(element);
    const background = style.getPropertyValue('--xy-minimap-background-color-default').trim() || '#fff';
    const mask = style.getPropertyValue('--xy-minimap-mask-background-color-default').trim() || 'rgba(240, 240, 240, 0.6)';

    const fill = (rect: Rect) => context.fillRect(rect.x, rect.y, rect.width, rect.height);
    let frame = 0;
    const draw = () => {
      frame = 0;
      const { transform, width, height, nodeLookup } = store.getState();
      const visible = visibleRect(transform, width, height);
      const fitted = minimapView(nodeLookup.size > 0 ? getInternalNodesBounds(nodeLookup) : undefined, visible, BOX);
      viewScale.current = fitted.viewScale;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.fillStyle = background;
      context.fillRect(0, 0, BOX.width, BOX.height);
      context.strokeStyle = colors.frameStroke;
      context.lineWidth = 1;
      for (const node of nodeLookup.values()) {
        if (node.hidden) continue;
        const rect = toMinimap({ ...node.internals.positionAbsolute, ...getNodeDimensions(node) }, fitted.view, BOX);
        const colour = colors.nodes[node.type ?? ''] ?? colors.otherNode;
        if (colour === 'transparent') {
          context.strokeRect(rect.x, rect.y, rect.width, rect.height);
        } else {
          context.fillStyle = colour;
          fill(rect);
        }
      }
      // Everything but the visible part under the mask colour.
      const view = toMinimap(visible, fitted.view, BOX);
      context.beginPath();
      context.rect(0, 0, BOX.width, BOX.height);
      context.rect(view.x, view.y, view.width, view.height);
      context.fillStyle = mask;
      context.fill('evenodd');
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribe = store.subscribe(schedule);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, colors, theme]);

  // Dragging on the minimap pans the view, the wheel zooms it: React Flow's own handlers.
  const panZoom = useStore((state) => state.panZoom);
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const translateExtent = useStore((state) => state.translateExtent);
  const minimap = useRef<XYMinimapInstance | undefined>(undefined);
  useEffect(() => {
    if (!canvas.current || !panZoom) return;
    const instance = XYMinimap({ domNode: canvas.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => viewScale.current });
    minimap.current = instance;
    return () => {
      instance.destroy();
      minimap.current = undefined;
    };
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({ translateExtent, width, height, pannable: true, zoomable: true });
  }, [panZoom, translateExtent, width, height]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap canvas-minimap">
      <canvas ref={canvas} role="img" aria-label={label} style={{ width: BOX.width, height: BOX.height }} />
    </Panel>
  );
}
