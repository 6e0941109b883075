#!/usr/bin/env node
/**
 * UI benchmark (issue 4 §6), a script, not a test: the built web app in Debian's Chromium on a
 * topology of 1,000 canvas nodes (sites + clusters + collectors + backends) and 1,500 edges
 * (flows + links). It measures, as a user meets them:
 *   1. first_render_ms: the file is chosen in "Open a file…" → every node and edge is in the
 *      canvas DOM, measured (React Flow shows a node only once it has its size), next frame;
 *   2. fps: frames per second while panning (drags on the empty pane) and zooming (wheel) for 3 s;
 *   3. edit_to_canvas_median_ms: one `replicas` edit in the YAML editor's Monaco model → the
 *      collector's node label shows the new value, next frame; median of 15 edits.
 * Targets: ≤ 1000 ms, ≥ 50 fps, ≤ 100 ms. Prints ONE JSON line on stdout (details on stderr).
 *
 *   npm run bench:ui                      # builds the web app into dist/web first
 *   node bench/ui-bench.mjs --no-build    # serves dist/web as it is
 *   node bench/ui-bench.mjs --dist DIR    # serves a web build made elsewhere (vite build --outDir DIR)
 *
 * The page is driven only through what a user (or the e2e tests) can reach: the start screen's
 * open flow with a file chooser, mouse input, and the editor model exposed as `__otelMonaco`.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = 4179;
const URL_ = `http://127.0.0.1:${PORT}/`;
const TOPOLOGY_URI = 'file:///topology.otel-topology.yaml';
const PAN_ZOOM_MS = 3000;
const EDITS = 15;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const log = (...args) => console.error('[ui-bench]', ...args);

// ---------------------------------------------------------------------------------------------
// The topology: 10 sites (one backend each), 40 clusters with a gateway each, 900 agents.
// Every agent sends to its cluster's gateway; 541 of them also send their logs to the next
// cluster's gateway in the same site; gateways send to their site's hub, hubs to the backend
// and to the central hub; sites are linked in a ring.  → 1,000 nodes, 1,500 edges.
// ---------------------------------------------------------------------------------------------
const PROVIDERS = [
  { provider: 'aws', platform: 'eks', region: 'us-east-1', backend: { type: 'otlp', endpoint: 'tempo.aws.internal:4317' } },
  { provider: 'azure', platform: 'aks', region: 'westeurope', backend: { type: 'otlp', endpoint: 'tempo.azure.internal:4317' } },
  { provider: 'gcp', platform: 'gke', region: 'europe-west1', backend: { type: 'googlecloud', project: 'bench' } },
  { provider: 'onprem', platform: 'kubernetes', region: 'dc', backend: { type: 'otlp', endpoint: 'tempo.tracing.svc.cluster.local:4317' } },
];

export function benchTopology({ sites = 10, clustersPerSite = 4, agents = 900, extraLogFlows = 541 } = {}) {
  const nodes = [];
  const edges = [];
  const clusters = [];
  for (let s = 0; s < sites; s++) {
    const { provider, platform, region, backend } = PROVIDERS[s % PROVIDERS.length];
    nodes.push({ kind: 'site', id: `site-${s}`, provider, region: `${region}-${s}` });
    nodes.push({ kind: 'backend', id: `backend-${s}`, site: `site-${s}`, ...backend });
    for (let c = 0; c < clustersPerSite; c++) {
      const cluster = { site: s, index: c, id: `cluster-${s}-${c}`, gateway: `gateway-${s}-${c}` };
      clusters.push(cluster);
      nodes.push({ kind: 'cluster', id: cluster.id, site: `site-${s}`, platform });
      nodes.push({ kind: 'collector', id: cluster.gateway, cluster: cluster.id, role: 'gateway', replicas: 2 });
      const hub = `gateway-${s}-0`;
      if (c === 0) edges.push({ kind: 'flow', id: `${hub}-to-backend`, from: hub, to: `backend-${s}`, signals: ['traces', 'metrics', 'logs'] });
      else edges.push({ kind: 'flow', id: `${cluster.gateway}-to-hub`, from: cluster.gateway, to: hub, signals: ['traces', 'metrics', 'logs'] });
    }
    if (s > 0) edges.push({ kind: 'flow', id: `hub-${s}-to-central`, from: `gateway-${s}-0`, to: 'gateway-0-0', signals: ['traces'] });
    edges.push({ kind: 'link', id: `link-${s}`, from: `site-${s}`, to: `site-${(s + 1) % sites}`, type: 'vpn-ipsec' });
  }
  for (let a = 0; a < agents; a++) {
    const cluster = clusters[a % clusters.length];
    const id = `agent-${a}`;
    nodes.push({ kind: 'collector', id, cluster: cluster.id, role: 'agent' });
    edges.push({ kind: 'flow', id: `${id}-out`, from: id, to: cluster.gateway, signals: ['traces', 'metrics', 'logs'] });
    if (a < extraLogFlows) {
      const neighbour = clusters[cluster.site * clustersPerSite + ((cluster.index + 1) % clustersPerSite)];
      edges.push({ kind: 'flow', id: `${id}-logs`, from: id, to: neighbour.gateway, signals: ['logs'] });
    }
  }
  const text = `# UI benchmark topology (bench/ui-bench.mjs)\n${stringify({ schemaVersion: 1, name: 'ui-bench', elements: [...nodes, ...edges] }, { lineWidth: 0 })}`;
  return { text, nodes: nodes.length, edges: edges.length };
}

// ---------------------------------------------------------------------------------------------

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', process.stderr, 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** `--dist DIR`: serve an already built web app from DIR (default: build into dist/web). */
const distArg = process.argv.indexOf('--dist');
const DIST = distArg > 0 ? process.argv[distArg + 1] : undefined;

export async function startPreview(outDir = DIST) {
  // stdout to stderr: stdout carries only the JSON line.
  const outDirArgs = outDir ? ['--outDir', outDir] : [];
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--config', 'vite.web.config.ts', '--strictPort', '--port', String(PORT), '--host', '127.0.0.1', ...outDirArgs], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL_)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${URL_}`);
}

/** Installed before the app loads: timestamps of the file choice and of the full first render. */
export function pageProbe({ nodes, edges }) {
  const bench = (window.__uiBench = { chosenAt: 0, renderedAt: 0 });
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file' && !bench.chosenAt) bench.chosenAt = performance.now();
  }, true);
  const nodeEls = document.getElementsByClassName('react-flow__node');
  const edgeEls = document.getElementsByClassName('react-flow__edge');
  const complete = () => {
    if (nodeEls.length !== nodes || edgeEls.length !== edges) return false;
    for (const node of nodeEls) if (node.style.visibility === 'hidden') return false;
    return true;
  };
  const tick = () => {
    if (bench.chosenAt && complete()) {
      // The frame after the one that found it complete: the DOM of that frame is painted.
      requestAnimationFrame(() => { bench.renderedAt = performance.now(); });
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Installed before the app loads: no File System Access API, so "Open a file…" uses the file
 * input Playwright's file chooser drives (as in Firefox) instead of `showOpenFilePicker`.
 */
export function fileInputOnly() {
  for (const name of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker']) {
    delete window[name];
    delete Window.prototype[name];
  }
}

/** A point of the canvas where the empty pane (not a node) is under the pointer. */
async function emptyPanePoint(page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane');
    const box = document.querySelector('.react-flow').getBoundingClientRect();
    for (let fy = 0.1; fy < 0.95; fy += 0.05) {
      for (let fx = 0.1; fx < 0.9; fx += 0.05) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (document.elementFromPoint(x, y) === pane) return { x, y, box: { left: box.left, top: box.top, width: box.width, height: box.height } };
      }
    }
    return null;
  });
}

export async function measureFps(page) {
  await page.evaluate(() => {
    const counter = (window.__uiFps = { frames: 0, start: performance.now(), running: true });
    const frame = () => {
      if (!counter.running) return;
      counter.frames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const start = Date.now();
  let direction = 1;
  while (Date.now() - start < PAN_ZOOM_MS) {
    const point = await emptyPanePoint(page);
    if (!point) throw new Error('no empty pane to drag on');
    // Pan: drag the pane 160 px and back over 20 moves.
    await page.mouse.move(point.x, point.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(point.x + 16 * i * direction, point.y + 8 * i);
    for (let i = 9; i >= 0; i--) await page.mouse.move(point.x + 16 * i * direction, point.y + 8 * i);
    await page.mouse.up();
    // Zoom: five wheel steps in, five out, at the canvas centre.
    await page.mouse.move(point.box.left + point.box.width / 2, point.box.top + point.box.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 100);
    direction = -direction;
  }
  return page.evaluate(() => {
    const counter = window.__uiFps;
    counter.running = false;
    return (counter.frames * 1000) / (performance.now() - counter.start);
  });
}

/** One `replicas` edit of a gateway through the Monaco model → its node shows "×n", next frame. */
export function editOnce({ uri, id, replicas }) {
  const model = window.__otelMonaco.editor.getModels().find((candidate) => candidate.uri.toString() === uri);
  const lines = model.getLinesContent();
  const at = lines.findIndex((line) => line.trim() === `id: ${id}`);
  let line = at + 1;
  while (!/^\s+replicas: \d+$/.test(lines[line])) line++;
  const text = lines[line].replace(/\d+$/, String(replicas));
  const subtitle = () => document.querySelector(`.react-flow__node[data-id="${id}"] .node-subtitle`);
  const wanted = `×${replicas}`;
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`${id} never showed ${wanted}`)), 10_000);
    const done = () => {
      clearTimeout(timeout);
      requestAnimationFrame(() => resolve(performance.now() - start));
    };
    const observer = new MutationObserver(() => {
      if (subtitle()?.textContent?.includes(wanted)) {
        observer.disconnect();
        done();
      }
    });
    observer.observe(document.querySelector('.react-flow__nodes'), { subtree: true, childList: true, characterData: true });
    const start = performance.now();
    model.pushEditOperations([], [{ range: { startLineNumber: line + 1, startColumn: 1, endLineNumber: line + 1, endColumn: lines[line].length + 1 }, text }], () => null);
    if (subtitle()?.textContent?.includes(wanted)) {
      observer.disconnect();
      done();
    }
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 0) => Number(value.toFixed(digits));

async function main() {
  const topology = benchTopology();
  if (!process.argv.includes('--no-build') && !DIST) await run('npm', ['run', 'build:web']);
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
    page.on('pageerror', (error) => log('page error:', error.message));
    await page.addInitScript(fileInputOnly);
    await page.addInitScript(pageProbe, { nodes: topology.nodes, edges: topology.edges });
    await page.goto(URL_);

    // 1. Open the file as a user does, then wait for the full first render.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a file…' }).click();
    await (await chooser).setFiles({ name: 'ui-bench.otel-topology.yaml', mimeType: 'application/yaml', buffer: Buffer.from(topology.text) });
    await page.waitForFunction(() => window.__uiBench.renderedAt > 0, null, { timeout: 120_000, polling: 100 });
    const firstRender = await page.evaluate(() => window.__uiBench.renderedAt - window.__uiBench.chosenAt);
    log(`first render ${round(firstRender)} ms`);

    // The editor model holds the document (the edits below go through it).
    await page.waitForFunction(
      (uri) => window.__otelMonaco?.editor.getModels().some((model) => model.uri.toString() === uri && model.getValue().includes('name: ui-bench')),
      TOPOLOGY_URI,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(1000);

    // 2. Pan and zoom.
    const fps = await measureFps(page);
    log(`pan/zoom ${round(fps, 1)} fps`);
    await page.waitForTimeout(500);

    // 3. Edits in the YAML → node label.
    const timings = [];
    for (let i = 0; i < EDITS; i++) {
      timings.push(await page.evaluate(editOnce, { uri: TOPOLOGY_URI, id: 'gateway-3-1', replicas: 3 + i }));
      await page.waitForTimeout(250);
    }
    log(`edits (ms): ${timings.map((t) => round(t)).join(' ')}`);

    console.log(
      JSON.stringify({
        nodes: topology.nodes,
        edges: topology.edges,
        first_render_ms: round(firstRender),
        fps: round(fps, 1),
        edit_to_canvas_median_ms: round(median(timings), 1),
      }),
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
