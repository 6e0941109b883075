/**
 * Where the minimap draws things: the flow's nodes and the visible part of the canvas, fitted
 * into the minimap's box as React Flow's own MiniMap fits them (same margins, same centring), so
 * panning it with React Flow's `XYMinimap` moves the view by the same amounts.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** React Flow's transform: `[x, y, zoom]`, the flow's origin on screen and its scale. */
export type Transform = readonly [number, number, number];

/** Margin around the content, in minimap pixels (React Flow's `offsetScale` default). */
const OFFSET = 5;

/** The part of the flow a canvas of `width` × `height` pixels shows under `transform`. */
export function visibleRect([x, y, zoom]: Transform, width: number, height: number): Rect {
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/**
 * The flow area the minimap shows (`view`) and flow units per minimap pixel (`viewScale`): the
 * nodes and the visible rectangle together, centred, with a margin of `OFFSET` pixels.
 */
export function minimapView(nodes: Rect | undefined, visible: Rect, box: { width: number; height: number }): { view: Rect; viewScale: number } {
  const content = nodes && nodes.width > 0 && nodes.height > 0 ? union(nodes, visible) : visible;
  const viewScale = Math.max(content.width / box.width, content.height / box.height);
  const offset = OFFSET * viewScale;
  const width = viewScale * box.width;
  const height = viewScale * box.height;
  return {
    view: {
      x: content.x - (width - content.width) / 2 - offset,
      y: content.y - (height - content.height) / 2 - offset,
      width: width + offset * 2,
      height: height + offset * 2,
    },
    viewScale,
  };
}

/**
 * `rect` (flow coordinates) in the minimap's pixels, for a minimap showing `view` in `box`: one
 * scale for both axes, centred, as an SVG `viewBox` is drawn (React Flow's minimap is one).
 */
export function toMinimap(rect: Rect, view: Rect, box: { width: number; height: number }): Rect {
  const scale = Math.min(box.width / view.width, box.height / view.height);
  const left = (box.width - view.width * scale) / 2;
  const top = (box.height - view.height * scale) / 2;
  return { x: left + (rect.x - view.x) * scale, y: top + (rect.y - view.y) * scale, width: rect.width * scale, height: rect.height * scale };
}
