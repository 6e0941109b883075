import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../shared/engine/generate.js';
import { indexTopology } from '../shared/graph/topology-index.js';
import { planCollector } from '../shared/engine/plan.js';
import { loadTopology, saveTopology } from '../shared/io/topology-file.js';
import type { Topology } from '../shared/model/topology.js';
import { checkCollectorConfig } from '../shared/validation/config-check.js';
import { validate } from '../shared/validation/validate.js';

const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');
const FILES = readdirSync(EXAMPLES).filter((name) => name.endsWith('.otel-topology.yaml'));

function load(name: string): Topology {
  const loaded = loadTopology(readFileSync(join(EXAMPLES, name), 'utf8'));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
  return loaded.topology;
}

describe('examples', () => {
  it('covers every scenario of the brief', () => {
    expect(FILES.map((name) => name.replace('.otel-topology.yaml', '')).sort()).toStrictEqual([
      'attribute-routing',
      'central-aggregation',
      'distributed-aggregation',
      'global-gateway',
      'hybrid-migration',
      'multi-cloud-dr',
      'opamp-fleet',
      'serverless',
      'trace-id-load-balancing',
    ]);
  });

  it.each(FILES)('GIVEN %s WHEN validated THEN it has no error', (name) => {
    const errors = validate(load(name)).filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`)).toStrictEqual([]);
  });

  it.each(FILES)('GIVEN %s WHEN generated THEN every collector config passes the catalog check, at this version and an older one', (name) => {
    const topology = load(name);
    for (const version of [topology.policy.collectorVersion, '0.140.0']) {
      const model = { ...topology, policy: { ...topology.policy, collectorVersion: version } };
      const index = indexTopology(model);
      for (const collector of index.collectors) {
        const plan = planCollector(index, collector);
        const findings = checkCollectorConfig(plan.config, { version, distribution: plan.context.distribution });
        expect(findings.map((finding) => `${collector.id}@${version}: ${finding.message}`)).toStrictEqual([]);
        // What is written is what was checked.
        expect(parse(plan.configText)).toStrictEqual(plan.config);
      }
    }
  });

  it.each(FILES)('GIVEN %s WHEN saved unchanged THEN the text comes back byte for byte', (name) => {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    const loaded = loadTopology(text);
    if (!loaded.ok) throw new Error(`${name} does not load`);
    expect(saveTopology(loaded.parsed, loaded.topology, { ...loaded.topology })).toBe(text);
  });

  it.each(FILES)('GIVEN %s WHEN generated THEN the bundle has a README, the diagram, the topology and a folder per cluster', (name) => {
    const topology = load(name);
    const paths = generate(topology).files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['README.md', 'diagram.svg', 'topology.otel-topology.yaml']));
    for (const cluster of indexTopology(topology).clusters) {
      expect(paths.some((path) => path.startsWith(`clusters/${cluster.id}/`)), cluster.id).toBe(true);
    }
    for (const collector of indexTopology(topology).collectors) expect(paths).toContain(`configs/${collector.id}.yaml`);
  });
});
