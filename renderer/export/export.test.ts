import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../shared/engine/bundle.js';
import type { DesktopApi, EventOf } from '../../shared/ipc/contract.js';
import { agentToGateway } from '../../shared/testing/builders.js';
import type { Diagnostic } from '../../shared/validation/diagnostic.js';
import { exportBundle } from './bundle-export.js';
import { dataUrlBase64, diagramSvg, svgSize } from './diagram-image.js';
import { describeStage, planExport, type ExportStage } from './export-plan.js';

const file = (path: string, clusterId?: string) => ({ path, content: 'x', regions: [], ...(clusterId ? { clusterId } : {}) });
const bundle: Bundle = {
  files: [file('README.md'), file('clusters/eks/a.yaml', 'eks'), file('clusters/aks/a.yaml', 'aks'), file('clusters/eks/b.yaml', 'eks'), file('diagram.svg')],
};
const diagnostic = (severity: Diagnostic['severity'], message: string) => ({ ruleId: 'r', severity, message, elementIds: [] }) as unknown as Diagnostic;

describe('planExport', () => {
  it('GIVEN a bundle THEN files are counted per cluster (sorted), then the whole-topology ones', () => {
    expect(planExport(bundle, [], [])).toStrictEqual({
      total: 5,
      groups: [
        { clusterId: 'aks', count: 1 },
        { clusterId: 'eks', count: 2 },
        { clusterId: undefined, count: 2 },
      ],
      errors: [],
      stale: false,
    });
  });

  it('GIVEN error diagnostics and a YAML that does not load THEN they are the blocking errors; warnings are not', () => {
    const plan = planExport(bundle, [diagnostic('error', 'No route'), diagnostic('warning', 'Meh')], [{ message: 'Bad indentation', line: 4 }]);
    expect(plan.errors).toStrictEqual(['Line 4: Bad indentation', 'No route']);
    expect(plan.stale).toBe(true);
  });
});

describe('describeStage', () => {
  it.each<[ExportStage, string]>([
    [{ kind: 'running', done: 0, total: 9 }, 'Preparing 9 files…'],
    [{ kind: 'running', done: 3, total: 9 }, 'Writing 3 of 9 files…'],
    [{ kind: 'done', path: 'x.zip', total: 9 }, 'Exported 9 files to x.zip.'],
    [{ kind: 'cancelled' }, 'Export cancelled: nothing was written.'],
  ])('GIVEN %j THEN %s', (stage, text) => expect(describeStage(stage)).toBe(text));
});

/** A platform whose bundle export reports progress as the desktop's does. */
function fakePlatform(answer: Awaited<ReturnType<DesktopApi['channels']['bundle:export']>>): DesktopApi {
  const listeners = new Set<(payload: EventOf<'bundle:progress'>) => void>();
  return {
    kind: 'electron',
    reopensRecent: true,
    channels: {
      'bundle:export': async ({ files }: { files: unknown[] }) => {
        for (const listener of listeners) listener({ done: files.length, total: files.length });
        return answer;
      },
    } as unknown as DesktopApi['channels'],
    on: ((_event: string, listener: (payload: EventOf<'bundle:progress'>) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as DesktopApi['on'],
  };
}

describe('exportBundle', () => {
  const request = { files: [{ path: 'a', content: '' }, { path: 'b', content: '' }], format: 'folder' as const, suggestedName: 'x' };

  it('GIVEN progress events THEN the stages go preparing → progress → done', async () => {
    const stages: ExportStage[] = [];
    const result = await exportBundle(fakePlatform({ ok: true, data: { path: '/out/x' } }), request, (stage) => stages.push(stage));
    expect(stages).toStrictEqual([
      { kind: 'running', done: 0, total: 2 },
      { kind: 'running', done: 2, total: 2 },
      { kind: 'done', path: '/out/x', total: 2 },
    ]);
    expect(result).toStrictEqual(stages[2]);
  });

  it('GIVEN a cancelled dialog or a failure THEN the last stage says so', async () => {
    expect(await exportBundle(fakePlatform({ ok: true, data: null }), request, () => {})).toStrictEqual({ kind: 'cancelled' });
    expect(await exportBundle(fakePlatform({ ok: false, error: 'disk full' }), request, () => {})).toStrictEqual({ kind: 'failed', error: 'disk full' });
  });
});

describe('diagram images', () => {
  it('GIVEN the engine diagram THEN its size is read from the root element', () => {
    const svg = diagramSvg(agentToGateway(), undefined);
    const size = svgSize(svg);
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeGreaterThan(50);
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"></svg>')).toStrictEqual({ width: 30, height: 20 });
    expect(() => svgSize('<svg></svg>')).toThrow('no size');
  });

  it('GIVEN a bundle THEN its diagram.svg is the one exported', () => {
    const withDiagram: Bundle = { files: [{ path: 'diagram.svg', content: '<svg width="1" height="1"/>', regions: [] }] };
    expect(diagramSvg(agentToGateway(), withDiagram)).toBe('<svg width="1" height="1"/>');
  });

  it('GIVEN a PNG data URL THEN only its base64 payload goes to the channel', () => {
    expect(dataUrlBase64('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
    expect(() => dataUrlBase64('data:,hello')).toThrow();
  });
});
