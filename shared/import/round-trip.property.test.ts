/**
 * The import checks its round trip on the merge of each collector's overrides over the config
 * generated without them, instead of generating every collector of the final topology again.
 * These tests hold the engine to what makes that sound, and check the exported configs the real
 * way (a fresh index, planCollector, the YAML) on every example and fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeConfig } from '../engine/collector/components.js';
import { generate } from '../engine/generate.js';
import { planCollector, planCollectorConfig } from '../engine/plan.js';
import { indexTopology } from '../graph/topology-index.js';
import { loadTopology } from '../io/topology-file.js';
import type { Collector } from '../model/collector.js';
import { Topology } from '../model/topology.js';
import { importFiles, type ImportFile } from './import-files.js';
import { semanticConfig } from './overrides.js';

type Plain = Record<string, unknown>;
const EXAMPLES = join(import.meta.dirname, '../../examples');
const FIXTURES = join(import.meta.dirname, 'fixtures');

const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.otel-topology.yaml'))
  .map((name) => {
    const loaded = loadTopology(readFileSync(join(EXAMPLES, name), 'utf8'));
    if (!loaded.ok) throw new Error(`${name} does not load`);
    return { name, topology: loaded.topology };
  });
const fixtures: ImportFile[] = readdirSync(FIXTURES).map((name) => ({ path: name, text: readFileSync(join(FIXTURES, name), 'utf8') }));

/** Every example's collector configs, one named file per collector; and its Kubernetes manifests. */
function exportedInputs(topology: Topology): { configs: ImportFile[]; manifests: ImportFile[] } {
  const files = generate(topology).files;
  return {
    configs: files.filter((file) => file.path.startsWith('configs/')).map((file) => ({ path: file.path, text: file.content, collector: file.path.slice('configs/'.length, -'.yaml'.length) })),
    manifests: files
      .filter((file) => /^clusters\/.*-(config-map|daemonset|deployment|statefulset|service)\.yaml$/.test(file.path))
      .map((file) => ({ path: file.path, text: file.content })),
  };
}

const designs: Array<{ name: string; topology: Topology }> = [
  ...examples,
  ...fixtures.flatMap((file) => {
    const topology = importFiles([file]).topology;
    return topology ? [{ name: `imported ${file.path}`, topology }] : [];
  }),
];

const withOverrides = (topology: Topology, overridesOf: (collector: Collector) => Plain | undefined): Topology => ({
  ...topology,
  elements: topology.elements.map((element) => {
    if (element.kind !== 'collector') return element;
    const { overrides: _, ...rest } = element;
    const overrides = overridesOf(element);
    return overrides ? { ...rest, overrides } : rest;
  }),
});

const DELETE = { $patch: 'delete' };
/** Component bodies an override may set: removal, empty, null, settings the engine itself looks at, anything. */
const body = fc.oneof(
  fc.constant(DELETE),
  fc.constant({}),
  fc.constant(null),
  fc.constant({ sending_queue: { enabled: true, storage: 'file_storage' } }),
  fc.constant({ protocols: { grpc: { endpoint: '0.0.0.0:4317', tls: { cert_file: '/tls/tls.crt' } } } }),
  fc.constant({ endpoint: DELETE, headers: { authorization: '${env:TOKEN}' } }),
  fc.jsonValue({ maxDepth: 3 }),
);
const SECTIONS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions'];
/** Overrides over a generated config: its own component ids and new ones, sections replaced or removed, service parts. */
const randomOverrides = (generated: Plain) =>
  fc.record(
    {
      ...Object.fromEntries(
        SECTIONS.map((section) => {
          const ids = Object.keys((generated[section] as Plain | undefined) ?? {});
          const components = fc.dictionary(fc.constantFrom(...ids, 'debug', 'otlp_grpc/extra', 'file_storage', 'batch/new'), body, { maxKeys: 3 });
          return [section, fc.oneof(components, components, fc.constant(DELETE), fc.constant(null))];
        }),
      ),
      service: fc.oneof(
        fc.record({ pipelines: fc.oneof(fc.constant(DELETE), fc.dictionary(fc.constantFrom('traces', 'metrics', 'logs/x'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 })), telemetry: fc.oneof(fc.constant(DELETE), fc.jsonValue({ maxDepth: 2 })), extensions: fc.array(fc.string(), { maxLength: 2 }) }, { requiredKeys: [] }),
        fc.constant(DELETE),
      ),
      unknown_top: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  );
/** The same body on every component of every section: what the engine might read back if it looked. */
const everyComponent = (generated: Plain, value: unknown): Plain =>
  Object.fromEntries(SECTIONS.map((section) => [section, Object.fromEntries(Object.keys((generated[section] as Plain | undefined) ?? {}).map((id) => [id, value]))]));
const overridesFor = (generated: Plain) =>
  fc.oneof(
    randomOverrides(generated),
    fc.constantFrom<Plain>(
      everyComponent(generated, { sending_queue: { enabled: true, storage: 'file_storage' } }),
      everyComponent(generated, { tls: { cert_file: '/tls/tls.crt', key_file: '/tls/tls.key' }, protocols: { grpc: { tls: { cert_file: '/tls/tls.crt' } } } }),
      everyComponent(generated, null),
      everyComponent(generated, DELETE),
      Object.fromEntries(SECTIONS.map((section) => [section, DELETE])),
      { service: DELETE, extensions: { opamp: { server: { ws: { endpoint: 'wss://x' } } } } },
    ),
  );

describe('the round trip is checked on the merge of the overrides (property)', () => {
  it('GIVEN the examples and imported fixtures, with random overrides on every collector WHEN generated THEN each config is the one generated without overrides with its own overrides merged over it, empty bodies {}', () => {
    for (const design of designs) {
      const bare = withOverrides(design.topology, () => undefined);
      const bareIndex = indexTopology(bare);
      const generated = new Map(bareIndex.collectors.map((collector) => [collector.id, planCollectorConfig(bareIndex, collector)]));
      const allOverrides = fc.record(Object.fromEntries([...generated].map(([id, config]) => [id, fc.option(overridesFor(config), { nil: undefined })])));
      fc.assert(
        fc.property(allOverrides, (overrides) => {
          const index = indexTopology(withOverrides(bare, (collector) => overrides[collector.id] as Plain | undefined));
          for (const collector of index.collectors) {
            const expected = semanticConfig(mergeConfig(generated.get(collector.id)!, overrides[collector.id] as Plain | undefined));
            expect(planCollector(index, collector).config, `${design.name}: ${collector.id}`).toStrictEqual(expected);
          }
        }),
        { seed: 2026, numRuns: 30 },
      );
    }
  });

  it('GIVEN each example exported (configs, and Kubernetes manifests) WHEN imported THEN the topology exports every input config again, and parsing it changes nothing', () => {
    for (const { name, topology } of examples) {
      const { configs, manifests } = exportedInputs(topology);
      const designIndex = indexTopology(topology);
      for (const [what, files] of [['configs', configs], ['manifests', manifests]] as const) {
        const result = importFiles(files);
        expect(result.report.problems.filter((problem) => problem.severity === 'error'), `${name} ${what}`).toStrictEqual([]);
        const imported = result.topology!;
        expect(JSON.stringify(Topology.parse(imported)), `${name} ${what}`).toBe(JSON.stringify(imported));
        const index = indexTopology(imported);
        // Kubernetes workloads keep their collector's id; the manifests hold no VM, Lambda or Cloud Run collector.
        const compared = index.collectors.filter((collector) => designIndex.collector(collector.id));
        expect(compared.length, `${name} ${what}`).toBeGreaterThan(0);
        if (what === 'configs') expect(compared.length).toBe(designIndex.collectors.length);
        for (const collector of compared) {
          const original = planCollector(designIndex, designIndex.collector(collector.id)!).config;
          const plan = planCollector(index, collector);
          expect(plan.config, `${name} ${what}: ${collector.id}`).toStrictEqual(original);
          expect(parse(plan.configText), `${name} ${what}: ${collector.id} as YAML`).toStrictEqual(original);
        }
      }
    }
  });
});

describe('a config the merge cannot reproduce', () => {
  const config = (exporter: string) => `receivers:
  otlp:
    protocols:
      grpc: {}
exporters:
  debug:
${exporter}service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
`;

  it('GIVEN a literal `$patch: delete` under a key the engine does not write WHEN imported THEN it is an error at the collector and there is no topology', () => {
    const result = importFiles([{ path: 'patch.yaml', text: config('    sampling_initial:\n      $patch: delete\n') }]);
    expect(result.topology).toBeUndefined();
    expect(result.report.problems).toStrictEqual([
      {
        file: 'patch.yaml',
        line: 1,
        column: 1,
        severity: 'error',
        message: 'patch: its config cannot be reproduced exactly (a key the merge cannot express, such as a literal `$patch: delete`)',
      },
    ]);
  });

  it('GIVEN the same config without the marker WHEN imported THEN it imports and exports the config again', () => {
    const text = config('    sampling_initial: 5\n');
    const result = importFiles([{ path: 'plain.yaml', text }]);
    const index = indexTopology(result.topology!);
    expect(planCollector(index, index.collector('plain')!).config).toStrictEqual(semanticConfig(parse(text) as Plain));
  });
});
