import { describe, expect, it } from 'vitest';
import { minimapView, toMinimap, visibleRect } from './minimap-geometry.js';

const BOX = { width: 200, height: 150 };

describe('visibleRect', () => {
  it('is the canvas in flow coordinates: the origin moved by the pan, the size divided by the zoom', () => {
    expect(visibleRect([100, -50, 2], 800, 600)).toStrictEqual({ x: -50, y: 25, width: 400, height: 300 });
  });
});

describe('minimapView', () => {
  it('fits the nodes and the visible part together, centred, with a five-pixel margin', () => {
    const { view, viewScale } = minimapView({ x: 0, y: 0, width: 1000, height: 300 }, { x: 0, y: 0, width: 400, height: 300 }, BOX);
    expect(viewScale).toBe(5);
    // 1000 × 300 in a 4:3 box: 1000 × 750 shown, centred vertically, 25 flow units (5 px) around.
    expect(view).toStrictEqual({ x: -25, y: -250, width: 1050, height: 800 });
  });

  it('shows only the visible part when there are no nodes', () => {
    const visible = { x: 10, y: 20, width: 200, height: 150 };
    expect(minimapView(undefined, visible, BOX).viewScale).toBe(1);
  });
});

describe('toMinimap', () => {
  it('maps the flow into the box with one scale for both axes, centred', () => {
    const view = { x: -25, y: -250, width: 1050, height: 800 };
    const scale = Math.min(200 / 1050, 150 / 800);
    const corner = toMinimap({ x: -25, y: -250, width: 1050, height: 800 }, view, BOX);
    expect(corner.width).toBeCloseTo(1050 * scale);
    expect(corner.height).toBeCloseTo(800 * scale);
    expect(corner.x).toBeCloseTo((200 - 1050 * scale) / 2);
    expect(corner.y).toBeCloseTo(0);
  });
});
