/**
 * Topology files given to the app from outside: on the command line (first launch, or a second
 * launch that hands its arguments over), or by macOS's `open-file`. Which arguments are files to
 * open, and a queue that holds them until the window's page can take them.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOPOLOGY_FILE_SUFFIX } from '../../shared/io/topology-file.js';

/** A path the app opens when given: a topology file, by its suffix. */
export function isTopologyPath(path: string): boolean {
  return path.toLowerCase().endsWith(TOPOLOGY_FILE_SUFFIX) && path.length > TOPOLOGY_FILE_SUFFIX.length;
}

/** The local path of an argument: itself, or the path of a `file:` URL (Linux desktop entries pass `%U`); null for other URLs. */
function argumentPath(argument: string): string | null {
  if (/^file:\/\//i.test(argument)) {
    try {
      return fileURLToPath(argument);
    } catch {
      return null;
    }
  }
  // Other URL schemes; a Windows drive (`C:\`) has a single letter and no `//`.
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(argument) ? null : argument;
}

/**
 * The topology files named in `argv`, absolute (relative ones against `cwd`), once each, in order.
 * The executable, the app's folder (`electron .`), Chromium and app switches (`--x`, `-x`, even
 * `--x=a.otel-topology.yaml`), URLs other than `file:` and anything not named like a topology
 * file are not files to open.
 */
export function topologyFilesInArgv(argv: readonly string[], cwd: string): string[] {
  const found = argv
    .filter((argument) => argument !== '' && !argument.startsWith('-'))
    .map(argumentPath)
    .filter((path): path is string => path !== null && isTopologyPath(path))
    .map((path) => (isAbsolute(path) ? path : resolve(cwd, path)));
  return [...new Set(found)];
}

/**
 * Paths wait here until the page listens (after it has loaded); `deliver` grants each one to
 * `file:open` at once and sends it when the page is ready.
 */
export class OpenRequests {
  private readonly pending: string[] = [];
  private ready = false;

  constructor(private readonly deps: { grant(path: string): void; send(path: string): void }) {}

  /** Files wait to be opened: at start, the page will open one instead of showing the start screen. */
  get hasWaiting(): boolean {
    return this.pending.length > 0;
  }

  request(path: string): void {
    this.deps.grant(path);
    if (this.ready) this.deps.send(path);
    else if (!this.pending.includes(path)) this.pending.push(path);
  }

  /** The page loaded: send what waited. */
  pageReady(): void {
    this.ready = true;
    for (const path of this.pending.splice(0)) this.deps.send(path);
  }

  /** The page is gone (window closed, reloading): hold requests again. */
  pageGone(): void {
    this.ready = false;
  }
}
