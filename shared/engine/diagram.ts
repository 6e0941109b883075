import { indexTopology } from '../graph/topology-index.js';
import type { LinkType } from '../model/link.js';
import type { Provider } from '../model/site.js';
import type { Topology } from '../model/topology.js';

/** A diagram of the topology as SVG: sites as frames, clusters inside, flows as arrows. */

const PROVIDER_COLORS: Record<Provider, string> = { aws: '#ff9900', azure: '#0078d4', gcp: '#34a853', onprem: '#6b7280' };
const LINK_STYLES: Record<LinkType, { color: string; dash: string }> = {
  'vpn-ipsec': { color: '#7c3aed', dash: '8 4' },
  'aws-direct-connect': { color: '#ff9900', dash: '' },
  'azure-expressroute': { color: '#0078d4', dash: '' },
  'gcp-interconnect': { color: '#34a853', dash: '' },
  'vpc-peering': { color: '#0891b2', dash: '2 3' },
  'private-link': { color: '#0f766e', dash: '2 3' },
  internet: { color: '#dc2626', dash: '12 4 2 4' },
};

const NODE_WIDTH = 170;
const NODE_HEIGHT = 44;
const GAP = 16;
const PADDING = 16;
const HEADER = 28;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function center(box: Box): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where a line from the centre of `box` towards `toward` leaves the box. */
function edgePoint(box: Box, toward: { x: number; y: number }): { x: number; y: number } {
  const from = center(box);
  const dx = toward.x - from.x;
  const dy = toward.y - from.y;
  if (dx === 0 && dy === 0) return from;
  const scale = Math.min(Math.abs(box.width / 2 / (dx || 1e-9)), Math.abs(box.height / 2 / (dy || 1e-9)));
  return { x: from.x + dx * scale, y: from.y + dy * scale };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Whether the segment a→b passes through the inside of `box` (sampled; boxes are large). */
function segmentCrosses(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  if (Math.max(a.x, b.x) < box.x || Math.min(a.x, b.x) > box.x + box.width) return false;
  if (Math.max(a.y, b.y) < box.y || Math.min(a.y, b.y) > box.y + box.height) return false;
  for (let step = 1; step < 20; step++) {
    const x = a.x + ((b.x - a.x) * step) / 20;
    const y = a.y + ((b.y - a.y) * step) / 20;
    if (x > box.x + 2 && x < box.x + box.width - 2 && y > box.y + 2 && y < box.y + box.height - 2) return true;
  }
  return false;
}

export function topologyDiagram(topology: Topology): string {
  const index = indexTopology(topology);
  const boxes = new Map<string, Box>();
  const shapes: string[] = [];
  let x = PADDING;
  let height = 0;
  const top = PADDING + (index.controlPlanes.length > 0 ? NODE_HEIGHT + GAP * 2 : 0);

  index.controlPlanes.forEach((controlPlane, position) => {
    const box = { x: PADDING + position * (NODE_WIDTH + GAP), y: PADDING, width: NODE_WIDTH, height: NODE_HEIGHT };
    boxes.set(controlPlane.id, box);
    shapes.push(
      `<rect class="control-plane" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="22" fill="#fef3c7" stroke="#d97706"/>`,
      `<text x="${box.x + box.width / 2}" y="${box.y + 27}" text-anchor="middle">OpAMP ${escapeXml(controlPlane.id)}</text>`,
    );
  });

  const siteBackends = (siteId: string | undefined) => index.backends.filter((backend) => backend.site === siteId);
  const frames: Array<{ id: string; label: string; color: string; box: Box }> = [];
  for (const site of [...index.sites, undefined]) {
    const clusters = site ? index.clusters.filter((cluster) => cluster.site === site.id) : [];
    const backends = siteBackends(site?.id);
    if (!site && backends.length === 0) continue;
    let y = top + HEADER + PADDING;
    const innerX = x + PADDING;
    let width = NODE_WIDTH + PADDING * 2;
    for (const cluster of clusters) {
      const collectors = index.collectorsIn(cluster.id);
      const clusterBox = { x: innerX, y, width: NODE_WIDTH + PADDING * 2, height: HEADER + Math.max(1, collectors.length) * (NODE_HEIGHT + GAP) + PADDING / 2 };
      boxes.set(cluster.id, clusterBox);
      shapes.push(
        `<rect class="cluster" x="${clusterBox.x}" y="${clusterBox.y}" width="${clusterBox.width}" height="${clusterBox.height}" rx="6" fill="#ffffff" stroke="#94a3b8"/>`,
        `<text x="${clusterBox.x + 8}" y="${clusterBox.y + 18}" class="caption">${escapeXml(cluster.id)} · ${cluster.platform}</text>`,
      );
      collectors.forEach((collector, position) => {
        const box = { x: clusterBox.x + PADDING, y: clusterBox.y + HEADER + position * (NODE_HEIGHT + GAP), width: NODE_WIDTH, height: NODE_HEIGHT };
        boxes.set(collector.id, box);
        const fill = collector.role === 'gateway' ? '#dbeafe' : '#e0f2fe';
        shapes.push(
          `<rect class="collector" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" fill="${fill}" stroke="#1d4ed8"/>`,
          `<text x="${box.x + box.width / 2}" y="${box.y + 19}" text-anchor="middle">${escapeXml(collector.id)}</text>`,
          `<text x="${box.x + box.width / 2}" y="${box.y + 35}" text-anchor="middle" class="caption">${collector.role}</text>`,
        );
      });
      y += clusterBox.height + GAP;
      width = Math.max(width, clusterBox.width + PADDING * 2);
    }
    for (const backend of backends) {
      const box = { x: innerX + PADDING, y, width: NODE_WIDTH, height: NODE_HEIGHT };
      boxes.set(backend.id, box);
      shapes.push(
        `<rect class="backend" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="#f1f5f9" stroke="#475569"/>`,
        `<text x="${box.x + box.width / 2}" y="${box.y + 19}" text-anchor="middle">${escapeXml(backend.id)}</text>`,
        `<text x="${box.x + box.width / 2}" y="${box.y + 35}" text-anchor="middle" class="caption">${backend.type}</text>`,
      );
      y += NODE_HEIGHT + GAP;
    }
    const label = site ? `${site.id} · ${site.provider} ${site.region}${site.zone ? ` · zone ${site.zone}` : ''}` : 'external backends';
    // Room for the title: about 7 px a character at 12 px bold.
    width = Math.max(width, label.length * 7 + PADDING * 2);
    const frame = { x, y: top, width, height: y - top + PADDING };
    frames.push({
      id: site?.id ?? 'external',
      label,
      color: site ? PROVIDER_COLORS[site.provider] : '#9ca3af',
      box: frame,
    });
    if (site) boxes.set(site.id, frame);
    height = Math.max(height, frame.y + frame.height);
    x += width + GAP * 4;
  }

  const frameShapes = frames.map(
    ({ id, label, color, box }) =>
      `<g class="site" data-id="${escapeXml(id)}"><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="10" fill="${color}14" stroke="${color}" stroke-width="2"/><text x="${box.x + 10}" y="${box.y + 19}" class="title">${escapeXml(label)}</text></g>`,
  );

  const linksBetween = new Map<string, number>();
  const links = index.links.flatMap((link) => {
    const from = boxes.get(link.from);
    const to = boxes.get(link.to);
    if (!from || !to) return [];
    const style = LINK_STYLES[link.type];
    const a = { x: from.x + from.width / 2, y: from.y + from.height };
    const b = { x: to.x + to.width / 2, y: to.y + to.height };
    // Parallel links between the same two sites dip deeper one after the other.
    const pair = [link.from, link.to].sort().join('\u0000');
    const nth = linksBetween.get(pair) ?? 0;
    linksBetween.set(pair, nth + 1);
    const dip = Math.max(a.y, b.y) + 30 + nth * 28;
    height = Math.max(height, dip);
    return [
      `<path class="link" d="M ${round(a.x)} ${round(a.y)} C ${round(a.x)} ${dip}, ${round(b.x)} ${dip}, ${round(b.x)} ${round(b.y)}" fill="none" stroke="${style.color}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
      `<text x="${round((a.x + b.x) / 2)}" y="${dip - 4}" text-anchor="middle" class="caption">${escapeXml(link.type)}</text>`,
    ];
  });

  const nodeBoxes = new Map([...boxes].filter(([id]) => index.byId.get(id)?.kind === 'collector' || index.byId.get(id)?.kind === 'backend'));
  const flows = index.flows.flatMap((flow) => {
    const from = boxes.get(flow.from);
    const to = boxes.get(flow.to);
    if (!from || !to) return [];
    const label = `${flow.signals.join(', ')}${flow.failoverPriority ? ` · priority ${flow.failoverPriority}` : ''}${flow.route ? ` · ${flow.route.default ? 'default' : flow.route.values.join('|')}` : ''}`;
    const dash = flow.failoverPriority && flow.failoverPriority > 1 ? ' stroke-dasharray="5 3"' : '';
    const straightStart = edgePoint(from, center(to));
    const straightEnd = edgePoint(to, center(from));
    const blocked = [...nodeBoxes].some(
      ([id, box]) => id !== flow.from && id !== flow.to && segmentCrosses(straightStart, straightEnd, box),
    );
    if (!blocked) {
      return [
        `<line class="flow" x1="${round(straightStart.x)}" y1="${round(straightStart.y)}" x2="${round(straightEnd.x)}" y2="${round(straightEnd.y)}" stroke="#1e293b" stroke-width="1.5"${dash} marker-end="url(#arrow)"/>`,
        `<text x="${round((straightStart.x + straightEnd.x) / 2 + 4)}" y="${round((straightStart.y + straightEnd.y) / 2 + 4)}" class="caption flow-label">${escapeXml(label)}</text>`,
      ];
    }
    // Another node is in the way: leave from the right side and curve around it.
    const start = { x: from.x + from.width, y: center(from).y };
    const end = { x: to.x + to.width, y: center(to).y };
    const bulge = Math.max(start.x, end.x) + 40;
    return [
      `<path class="flow" d="M ${round(start.x)} ${round(start.y)} C ${bulge} ${round(start.y)}, ${bulge} ${round(end.y)}, ${round(end.x)} ${round(end.y)}" fill="none" stroke="#1e293b" stroke-width="1.5"${dash} marker-end="url(#arrow)"/>`,
      `<text x="${bulge - 8}" y="${round((start.y + end.y) / 2)}" class="caption flow-label">${escapeXml(label)}</text>`,
    ];
  });

  const controlLines = index.collectors.flatMap((collector) => {
    const server = collector.controlPlane ? boxes.get(collector.controlPlane) : undefined;
    const box = boxes.get(collector.id);
    if (!server || !box) return [];
    const start = edgePoint(server, center(box));
    const end = edgePoint(box, center(server));
    return [`<line class="opamp" x1="${round(start.x)}" y1="${round(start.y)}" x2="${round(end.x)}" y2="${round(end.y)}" stroke="#d97706" stroke-width="1" stroke-dasharray="3 3"/>`];
  });

  const width = Math.max(x, PADDING * 2 + NODE_WIDTH);
  const totalHeight = height + PADDING + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${totalHeight}" viewBox="0 0 ${width} ${totalHeight}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(topology.name)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#1e293b"/></marker>',
    '<style>.caption{fill:#475569;font-size:10px}.title{font-weight:600}.flow-label{paint-order:stroke;stroke:#fff;stroke-width:3px}</style></defs>',
    `<rect width="${width}" height="${totalHeight}" fill="#ffffff"/>`,
    ...frameShapes,
    ...shapes,
    ...links,
    ...controlLines,
    ...flows,
    '</svg>',
    '',
  ].join('\n');
}
