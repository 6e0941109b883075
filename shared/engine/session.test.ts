import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTopology } from '../io/topology-file.js';
import type { Element, Topology } from '../model/topology.js';
import { validate } from '../validation/validate.js';
import { generate } from './generate.js';
import { createEngineSession } from './session.js';

const EXAMPLES = resolve(import.meta.dirname, '..', '..', 'examples');

function example(name: string): Topology {
  const loaded = loadTopology(readFileSync(join(EXAMPLES, name), 'utf8'));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.topology;
}

/** What a fresh, uncached run makes: the reference the session must match. */
function fresh(topology: Topology) {
  return {
    files: generate(topology, { topologyText: 'text' }).files.map(({ path, content, regions }) => ({ path, content, regions })),
    diagnostics: validate(topology).map(({ fix, ...rest }) => ({ ...rest, fix: fix?.title })),
  };
}

function viaSession(session: ReturnType<typeof createEngineSession>, topology: Topology) {
  const result = session.update(topology, { topologyText: 'text' });
  return {
    files: result.bundle.files.map(({ path, content, regions }) => ({ path, content, regions })),
    diagnostics: result.diagnostics.map(({ fix, ...rest }) => ({ ...rest, fix: fix?.title })),
  };
}

function replace(topology: Topology, id: string, update: (element: Element) => Element): Topology {
  return { ...topology, elements: topology.elements.map((element) => (element.id === id ? update(element) : element)) };
}

/** A small deterministic PRNG, so the edit sequence is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

type Edit = (topology: Topology, pick: <T>(items: readonly T[]) => T) => Topology;

const EDITS: Edit[] = [
  (t, pick) => {
    const collector = pick(t.elements.filter((element) => element.kind === 'collector'));
    return replace(t, collector.id, (element) => ({ ...element, replicas: pick([1, 2, 3]) }) as Element);
  },
  (t, pick) => {
    const collector = pick(t.elements.filter((element) => element.kind === 'collector'));
    return replace(t, collector.id, (element) => ({ ...element, mode: pick(['auto', 'statefulset', 'deployment']) }) as Element);
  },
  (t, pick) => {
    const flow = pick(t.elements.filter((element) => element.kind === 'flow'));
    return replace(t, flow.id, (element) => ({ ...element, queue: { type: pick(['memory', 'persistent', 'none'] as const), size: 2000, consumers: 4 } }) as Element);
  },
  (t, pick) => {
    const flow = pick(t.elements.filter((element) => element.kind === 'flow'));
    return replace(t, flow.id, (element) => ({ ...element, tls: { mode: pick(['none', 'tls'] as const) } }) as Element);
  },
  (t, pick) => {
    const cluster = pick(t.elements.filter((element) => element.kind === 'cluster'));
    return replace(t, cluster.id, (element) => ({ ...element, namespace: pick(['observability', 'telemetry']) }) as Element);
  },
  (t, pick) => {
    const site = pick(t.elements.filter((element) => element.kind === 'site'));
    return replace(t, site.id, (element) => ({ ...element, region: pick(['r1', 'r2']) }) as Element);
  },
  (t, pick) => ({ ...t, policy: { ...t.policy, collectorVersion: pick(['0.158.0', '0.140.0']) } }),
  (t, pick) => {
    const flow = pick(t.elements.filter((element) => element.kind === 'flow'));
    return { ...t, elements: t.elements.filter((element) => element !== flow) };
  },
  (t, pick) => {
    const [from, to] = [pick(t.elements.filter((element) => element.kind === 'collector')), pick(t.elements.filter((element) => element.kind === 'collector' || element.kind === 'backend'))];
    const id = `added-${t.elements.length}`;
    return { ...t, elements: [...t.elements, { ...(t.elements.find((element) => element.kind === 'flow') as Element), id, from: from.id, to: to.id } as Element] };
  },
  (t, pick) => {
    const collector = pick(t.elements.filter((element) => element.kind === 'collector'));
    return replace(t, collector.id, (element) => ({ ...element, processors: [{ type: 'batch', timeout: '1s', sendBatchSize: 100 }] }) as Element);
  },
  // Raw config naming a collector that is not a neighbour: rules reading it must not go stale.
  (t, pick) => {
    const [sender, named] = [pick(t.elements.filter((element) => element.kind === 'collector')), pick(t.elements.filter((element) => element.kind === 'collector'))];
    const overrides = { exporters: { 'otlp_grpc/raw': { endpoint: `${named.id}.observability.svc.cluster.local:4317` } } };
    return replace(t, sender.id, (element) => ({ ...element, overrides }) as Element);
  },
];

describe('engine session', () => {
  it.each(readdirSync(EXAMPLES).filter((name) => name.endsWith('.otel-topology.yaml')))(
    'GIVEN %s WHEN edited 25 times THEN every update equals a fresh generate and validate',
    (name) => {
      const next = random(name.length * 7919);
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      const session = createEngineSession();
      let topology = example(name);
      expect(viaSession(session, topology)).toStrictEqual(fresh(topology));
      for (let step = 0; step < 25; step++) {
        topology = pick(EDITS)(topology, pick);
        expect(viaSession(session, topology), `after edit ${step}`).toStrictEqual(fresh(topology));
      }
    },
  );

  it('GIVEN a gateway scaled up WHEN updated THEN only that collector is planned again', () => {
    const session = createEngineSession();
    const topology = example('central-aggregation.otel-topology.yaml');
    session.update(topology);
    const scaled = replace(topology, 'central-gateway', (element) => ({ ...element, replicas: 4 }) as Element);
    expect(session.update(scaled).replanned).toStrictEqual(['central-gateway']);
  });
});

describe('generate', () => {
  it('GIVEN any topology WHEN generated THEN files come in path order', () => {
    for (const name of readdirSync(EXAMPLES).filter((file) => file.endsWith('.otel-topology.yaml'))) {
      const paths = generate(example(name)).files.map((file) => file.path);
      expect(paths).toStrictEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });
});

describe('engine session with re-parsed text', () => {
  it('GIVEN the same topology parsed again from text WHEN updated THEN nothing is planned again', () => {
    const text = readFileSync(join(EXAMPLES, 'central-aggregation.otel-topology.yaml'), 'utf8');
    const session = createEngineSession();
    session.update(example('central-aggregation.otel-topology.yaml'));
    const again = loadTopology(text.replace('replicas: 3', 'replicas: 4'));
    if (!again.ok) throw new Error('edited example must load');
    expect(session.update(again.topology).replanned).toStrictEqual(['central-gateway']);
  });
});
