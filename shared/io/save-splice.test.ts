import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/topology.js';
import { loadTopology, saveTopology } from './topology-file.js';

/** Every kind of formatting a person leaves in a file, which a save must not disturb. */
const FIXTURE = `# Formatting that saving must keep
schemaVersion: 1 # the format
name: "splice-demo" # quoted on purpose

elements: # everything on the canvas
  # The sites
  - kind: site # first site
    id: aws-use1 # its id
    provider: aws # provider
    region: 'us-east-1' # single-quoted
    cidrs: &cidrs [ 10.10.0.0/16 ] # padded, anchored

  - kind: site # second site
    id: aws-usw2 # its id
    provider: aws # provider
    region: us-west-2 # plain
    cidrs: [10.20.0.0/16] # unpadded

  # The cluster
  - kind: cluster # the cluster
    id: eks # its id
    site: aws-use1 # where
    platform: eks # flavour
  - kind: collector # the gateway
    id: gateway # its id
    cluster: eks # where
    role: gateway # role
    replicas: 2 # how many
    autoscaling: { minReplicas: 2, maxReplicas: 6 } # padded flow map
  - kind: collector # the agent
    id: agent # its id
    cluster: eks # where
    role: agent # role
  - kind: flow # agent to gateway
    id: agent-to-gateway # its id
    from: agent # source
    to: gateway # target
    signals: [traces, metrics] # unpadded flow seq
    tls: {mode: none} # unpadded flow map
layout: # canvas positions
  aws-use1: {x: 0, y: 0} # left
  aws-usw2: # right
    x: 400 # x
    y: 0 # y
`;

function load(text: string) {
  const loaded = loadTopology(text);
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.line}: ${problem.message}`).join('\n'));
  return loaded;
}

type Element = Topology['elements'][number];

function edit(text: string, change: (topology: Topology) => Topology): { saved: string; after: Topology } {
  const loaded = load(text);
  const after = change(loaded.topology);
  return { saved: saveTopology(loaded.parsed, loaded.topology, after), after };
}

const editElement = (id: string, change: (element: Element) => Element) => (topology: Topology) => ({
  ...topology,
  elements: topology.elements.map((element) => (element.id === id ? change(element) : element)),
});

/** The lines of `saved` that differ from `FIXTURE`, as a diff of removed and added lines. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

describe('saveTopology splices the edits into the original text', () => {
  it('GIVEN a scalar deep inside WHEN it changes THEN exactly that line differs, its quotes and comment kept', () => {
    const { saved, after } = edit(FIXTURE, editElement('aws-use1', (element) => ({ ...element, region: 'eu-west-1' }) as Element));
    expect(lineDiff(FIXTURE, saved)).toStrictEqual({
      removed: ["    region: 'us-east-1' # single-quoted"],
      added: ["    region: 'eu-west-1' # single-quoted"],
    });
    expect(load(saved).topology).toStrictEqual(after);
  });

  it('GIVEN an element WHEN removed THEN only its lines go and its neighbours keep their comments', () => {
    const { saved } = edit(FIXTURE, (topology) => ({ ...topology, elements: topology.elements.filter((element) => element.id !== 'eks') }));
    expect(saved).toBe(
      FIXTURE.replace('  - kind: cluster # the cluster\n    id: eks # its id\n    site: aws-use1 # where\n    platform: eks # flavour\n', ''),
    );
  });

  it('GIVEN a new element WHEN added THEN it is appended in block style under its siblings and nothing else changes', () => {
    const backend = { kind: 'backend', id: 'tempo', site: 'aws-use1', type: 'otlp', endpoint: 'tempo:4317' } as const;
    const { saved, after } = edit(FIXTURE, (topology) => ({ ...topology, elements: [...topology.elements, backend as unknown as Element] }));
    const added = ['  - kind: backend', '    id: tempo', '    site: aws-use1', '    type: otlp', '    endpoint: tempo:4317'];
    expect(saved).toBe(FIXTURE.replace('layout: #', `${added.join('\n')}\nlayout: #`));
    expect(load(saved).topology).toStrictEqual({ ...after, elements: load(saved).topology.elements });
    expect(load(saved).topology.elements.at(-1)).toMatchObject(backend);
  });

  it('GIVEN an element without replicas WHEN given some THEN one line is inserted after its last key', () => {
    const { saved } = edit(FIXTURE, editElement('agent', (element) => ({ ...element, replicas: 3 }) as Element));
    expect(saved).toBe(FIXTURE.replace('    role: agent # role\n', '    role: agent # role\n    replicas: 3\n'));
  });

  it('GIVEN an optional key WHEN deleted THEN its line goes', () => {
    const { saved } = edit(FIXTURE, editElement('gateway', (element) => {
      const { autoscaling: _, ...rest } = element as Element & { autoscaling?: unknown };
      return rest as Element;
    }));
    expect(saved).toBe(FIXTURE.replace('    autoscaling: { minReplicas: 2, maxReplicas: 6 } # padded flow map\n', ''));
  });

  it('GIVEN a value inside a flow map WHEN it changes THEN only that line changes, in flow style', () => {
    const { saved } = edit(FIXTURE, editElement('agent-to-gateway', (element) => ({ ...element, tls: { mode: 'tls' } }) as Element));
    expect(saved).toBe(FIXTURE.replace('tls: {mode: none}', 'tls: {mode: tls}'));
  });

  it('GIVEN a padded flow map WHEN a key is added and one changed THEN the padding stays', () => {
    const { saved } = edit(FIXTURE, editElement('gateway', (element) => {
      const collector = element as Element & { autoscaling: Record<string, unknown> };
      return { ...collector, autoscaling: { ...collector.autoscaling, maxReplicas: 8, targetCpuUtilization: 80 } } as Element;
    }));
    expect(lineDiff(FIXTURE, saved)).toStrictEqual({
      removed: ['    autoscaling: { minReplicas: 2, maxReplicas: 6 } # padded flow map'],
      added: ['    autoscaling: { minReplicas: 2, maxReplicas: 8, targetCpuUtilization: 80 } # padded flow map'],
    });
  });

  it('GIVEN a flow sequence WHEN an item goes THEN the rest of the line stays', () => {
    const { saved } = edit(FIXTURE, editElement('agent-to-gateway', (element) => ({ ...element, signals: ['traces'] }) as Element));
    expect(saved).toBe(FIXTURE.replace('signals: [traces, metrics]', 'signals: [traces]'));
  });

  it('GIVEN the canvas moves elements WHEN saved THEN only the layout lines change', () => {
    const { saved } = edit(FIXTURE, (topology) => ({
      ...topology,
      layout: { ...topology.layout, 'aws-use1': { x: 10, y: 20 }, 'aws-usw2': { x: 400, y: 60 }, eks: { x: 5, y: 6 } },
    }));
    expect(saved).toBe(
      FIXTURE.replace('{x: 0, y: 0} # left', '{x: 10, y: 20} # left').replace('    y: 0 # y\n', '    y: 60 # y\n  eks:\n    x: 5\n    y: 6\n'),
    );
  });

  it('GIVEN a file without layout WHEN an element is first moved THEN a layout section is appended', () => {
    const text = FIXTURE.slice(0, FIXTURE.indexOf('layout:'));
    const { saved } = edit(text, (topology) => ({ ...topology, layout: { eks: { x: 1, y: 2 } } }));
    expect(saved).toBe(`${text}layout:\n  eks:\n    x: 1\n    y: 2\n`);
  });

  it('GIVEN an anchored value WHEN it changes THEN the document is printed whole and still reads as the edit', () => {
    const { saved, after } = edit(FIXTURE, editElement('aws-use1', (element) => ({ ...element, cidrs: ['10.99.0.0/16'] }) as Element));
    expect(load(saved).topology).toStrictEqual(after);
  });

  it('GIVEN reordered elements WHEN saved THEN the fallback rewrites them and the model is the edit', () => {
    const { saved, after } = edit(FIXTURE, (topology) => ({ ...topology, elements: [...topology.elements].reverse() }));
    expect(load(saved).topology).toStrictEqual(after);
    expect(saved).toContain('# Formatting that saving must keep');
  });

  describe('with an alias', () => {
    const ALIASED = `schemaVersion: 1
name: aliased
elements:
  - kind: site
    id: a
    provider: aws
    region: r
    cidrs: &shared [10.0.0.0/16] # anchored
  - kind: site
    id: b
    provider: aws
    region: r
    cidrs: *shared # aliased
`;

    it('GIVEN an edit beside the alias WHEN saved THEN it is spliced and the alias stays', () => {
      const { saved } = edit(ALIASED, editElement('b', (element) => ({ ...element, region: 'q' }) as Element));
      expect(lineDiff(ALIASED, saved)).toStrictEqual({ removed: ['    region: r'], added: ['    region: q'] });
      expect(saved).toContain('    region: q\n    cidrs: *shared # aliased\n');
    });

    it('GIVEN the anchored value changes WHEN saved THEN the alias keeps its old value', () => {
      const { saved, after } = edit(ALIASED, editElement('a', (element) => ({ ...element, cidrs: ['10.9.0.0/16'] }) as Element));
      expect(load(saved).topology).toStrictEqual(after);
    });

    it('GIVEN the element holding the anchor WHEN removed THEN the alias is spelled out instead of left dangling', () => {
      const { saved, after } = edit(ALIASED, (topology) => ({ ...topology, elements: topology.elements.filter((element) => element.id !== 'a') }));
      expect(load(saved).topology).toStrictEqual(after);
    });
  });
});
