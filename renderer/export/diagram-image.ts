/**
 * The diagram as an image: the engine's SVG (the bundle's `diagram.svg`), and a PNG drawn from it
 * in a canvas. The PNG travels to the `diagram:export` channel as base64.
 */
import { topologyDiagram } from '../../shared/engine/diagram.js';
import type { Bundle } from '../../shared/engine/bundle.js';
import type { Topology } from '../../shared/model/topology.js';

/** The engine's diagram: the bundle's copy when there is one (the session memoises it). */
export function diagramSvg(topology: Topology, bundle: Bundle | undefined): string {
  return bundle?.files.find((file) => file.path === 'diagram.svg')?.content ?? topologyDiagram(topology);
}

/** The pixel size of an SVG document: its root's width and height, else its viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => Number.parseFloat(new RegExp(`\\s${name}="([\\d.]+)`).exec(root)?.[1] ?? '');
  let width = attribute('width');
  let height = attribute('height');
  if (!(width > 0 && height > 0)) {
    const box = /\sviewBox="[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(root);
    width = Number.parseFloat(box?.[1] ?? '');
    height = Number.parseFloat(box?.[2] ?? '');
  }
  if (!(width > 0 && height > 0)) throw new Error('The diagram has no size.');
  return { width, height };
}

/** The base64 payload of a `data:` URL. */
export function dataUrlBase64(url: string): string {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || !url.slice(0, comma).endsWith(';base64')) throw new Error('Not a base64 data URL.');
  return url.slice(comma + 1);
}

/** Largest side of the PNG: a canvas past ~16k pixels fails in Chromium. */
const MAX_SIDE = 8192;

/** Draws `svg` into a canvas (on white, at `scale` for sharp text) and returns the PNG as base64. */
export async function svgToPngBase64(svg: string, scale = 2): Promise<string> {
  const { width, height } = svgSize(svg);
  const factor = Math.min(scale, MAX_SIDE / width, MAX_SIDE / height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The diagram could not be drawn.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * factor);
    canvas.height = Math.ceil(height * factor);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas here.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(factor, factor);
    context.drawImage(image, 0, 0, width, height);
    return dataUrlBase64(canvas.toDataURL('image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
