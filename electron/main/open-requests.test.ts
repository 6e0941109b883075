import { describe, expect, it, vi } from 'vitest';
import { isTopologyPath, OpenRequests, topologyFilesInArgv } from './open-requests.js';

describe('files given on the command line', () => {
  it('GIVEN a packaged launch with a file WHEN read THEN only the file is to be opened', () => {
    expect(topologyFilesInArgv(['/opt/OTel Topology Designer/otel-topology-designer', '/home/a/central.otel-topology.yaml'], '/home/a')).toStrictEqual([
      '/home/a/central.otel-topology.yaml',
    ]);
  });

  it('GIVEN `electron .` in development WHEN read THEN the executable and the app folder are not files to open', () => {
    expect(topologyFilesInArgv(['/repo/node_modules/electron/dist/electron', '.', 'b.otel-topology.yaml'], '/repo')).toStrictEqual(['/repo/b.otel-topology.yaml']);
  });

  it('GIVEN switches, other files and URLs WHEN read THEN none of them is opened', () => {
    const argv = ['app', '--no-sandbox', '--user-data-dir=/tmp/x.otel-topology.yaml', '-x.otel-topology.yaml', 'notes.yaml', 'config.otel-topology.yml', 'https://example.com/a.otel-topology.yaml', 'file:///notes.yaml', '', '.otel-topology.yaml'];
    expect(topologyFilesInArgv(argv, '/w')).toStrictEqual([]);
  });

  it('GIVEN relative paths, upper case and repeats WHEN read THEN absolute, case-insensitive, once each, in order', () => {
    expect(topologyFilesInArgv(['app', 'b/Two.OTEL-TOPOLOGY.YAML', '/x/one.otel-topology.yaml', './b/Two.OTEL-TOPOLOGY.YAML'], '/w')).toStrictEqual([
      '/w/b/Two.OTEL-TOPOLOGY.YAML',
      '/x/one.otel-topology.yaml',
    ]);
  });

  it('GIVEN a file URL (a Linux desktop entry passes %U) WHEN read THEN its path is opened', () => {
    expect(topologyFilesInArgv(['/opt/app/otel-topology-designer', 'file:///home/a/My%20Topology.otel-topology.yaml'], '/')).toStrictEqual([
      '/home/a/My Topology.otel-topology.yaml',
    ]);
  });

  it('GIVEN names WHEN checked THEN only the topology suffix counts', () => {
    expect(isTopologyPath('/a/x.otel-topology.yaml')).toBe(true);
    expect(isTopologyPath('/a/x.yaml')).toBe(false);
  });
});

describe('open requests', () => {
  it('GIVEN the page has not loaded WHEN a file is requested THEN it is allowed at once and sent, once, when the page is ready', () => {
    const grant = vi.fn();
    const send = vi.fn();
    const requests = new OpenRequests({ grant, send });
    requests.request('/a.otel-topology.yaml');
    requests.request('/a.otel-topology.yaml');
    expect(grant).toHaveBeenCalledWith('/a.otel-topology.yaml');
    expect(send).not.toHaveBeenCalled();
    requests.pageReady();
    expect(send.mock.calls).toStrictEqual([['/a.otel-topology.yaml']]);
  });

  it('GIVEN a start WHEN files wait for the page THEN it has files waiting (no start screen), and not once they were sent', () => {
    const requests = new OpenRequests({ grant: vi.fn(), send: vi.fn() });
    expect(requests.hasWaiting).toBe(false);
    requests.request('/a.otel-topology.yaml');
    expect(requests.hasWaiting).toBe(true);
    requests.pageReady();
    expect(requests.hasWaiting).toBe(false);
  });

  it('GIVEN a ready page WHEN a file is requested THEN it is sent at once; after the page goes, requests wait again', () => {
    const send = vi.fn();
    const requests = new OpenRequests({ grant: vi.fn(), send });
    requests.pageReady();
    requests.request('/b.otel-topology.yaml');
    expect(send).toHaveBeenCalledWith('/b.otel-topology.yaml');
    requests.pageGone();
    requests.request('/c.otel-topology.yaml');
    expect(send).toHaveBeenCalledTimes(1);
    requests.pageReady();
    expect(send).toHaveBeenLastCalledWith('/c.otel-topology.yaml');
  });
});
