import { describe, expect, it } from 'vitest';
import { loadTopology, saveTopology, stringifyTopology } from './topology-file.js';

const VALID = `# Production topology
schemaVersion: 1
name: demo # the name shown in the title bar
elements:
  # The only site
  - kind: site
    id: aws-use1
    provider: aws
    region: us-east-1
  - kind: cluster
    id: eks
    site: aws-use1
    platform: eks
`;

describe('loadTopology', () => {
  it('GIVEN a valid file WHEN loaded THEN fills the defaults', () => {
    const result = loadTopology(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.policy.collectorVersion).toBe('0.158.0');
    expect(result.topology.elements[1]).toMatchObject({ kind: 'cluster', namespace: 'observability', resourceQuota: 'auto' });
  });

  it.each([
    { name: 'empty file', text: '  \n', message: 'the file is empty', line: 1 },
    { name: 'broken YAML', text: 'schemaVersion: 1\nname: [unclosed\n', message: /flow sequence/i, line: 3 },
    { name: 'duplicate keys', text: 'schemaVersion: 1\nname: a\nname: b\n', message: /unique/, line: 3 },
    { name: 'not a mapping', text: '- a\n- b\n', message: 'a topology file is a YAML mapping', line: 1 },
    { name: 'no schemaVersion', text: 'name: a\n', message: /schemaVersion is missing/ },
    { name: 'newer schemaVersion', text: 'schemaVersion: 7\nname: a\n', message: /newer version/, line: 1 },
  ])('GIVEN $name WHEN loaded THEN explains where', ({ text, message, line }) => {
    const result = loadTopology(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toMatch(message);
    if (line !== undefined) expect(result.problems[0]!.line).toBe(line);
  });

  it('GIVEN schema errors WHEN loaded THEN reports each with its model path and line', () => {
    const result = loadTopology(`schemaVersion: 1
name: demo
elements:
  - kind: site
    id: s
    provider: mars
    region: x
  - kind: collector
    id: c
    cluster: k
    role: agent
    replicas: -1
  - kind: gizmo
    id: g
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((problem) => [problem.path!.join('.'), problem]));
    expect(byPath['elements.0.provider']).toMatchObject({ line: 6 });
    expect(byPath['elements.1.replicas']).toMatchObject({ line: 12 });
    expect(byPath['elements.2.kind']).toMatchObject({ line: 13 });
    expect(byPath['elements.2.kind']!.message).toMatch(/site.*cluster/);
  });

  it('GIVEN an alias bomb WHEN loaded THEN refuses it instead of expanding it', () => {
    const bomb = ['schemaVersion: 1', 'name: &a [x, x, x, x, x, x, x, x, x]'];
    let previous = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
      bomb.push(`${name}: &${name} [*${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}]`);
      previous = name;
    }
    const result = loadTopology(bomb.join('\n'));
    expect(result.ok).toBe(false);
  });
});

describe('saveTopology', () => {
  it('GIVEN a loaded file WHEN one field changes THEN only that line changes and comments stay', () => {
    const loaded = loadTopology(VALID);
    if (!loaded.ok) throw new Error('fixture must load');
    const after = {
      ...loaded.topology,
      elements: loaded.topology.elements.map((element) =>
        element.kind === 'site' ? { ...element, region: 'eu-west-1' } : element,
      ),
    };
    expect(saveTopology(loaded.parsed, loaded.topology, after)).toBe(VALID.replace('us-east-1', 'eu-west-1'));
  });

  it('GIVEN a loaded file WHEN an element is removed and one added THEN neighbours keep their comments', () => {
    const loaded = loadTopology(VALID);
    if (!loaded.ok) throw new Error('fixture must load');
    const [site] = loaded.topology.elements;
    const after = { ...loaded.topology, elements: [site!, { ...site!, id: 'aws-euw1', region: 'eu-west-1' } as typeof site & object] };
    const saved = saveTopology(loaded.parsed, loaded.topology, after);
    expect(saved).toContain('# The only site\n  - kind: site\n    id: aws-use1');
    expect(saved).not.toContain('platform: eks');
    const reloaded = loadTopology(saved);
    expect(reloaded.ok && reloaded.topology.elements.map((element) => element.id)).toStrictEqual(['aws-use1', 'aws-euw1']);
  });

  it('GIVEN a model WHEN stringified and loaded again THEN it is the same model', () => {
    const loaded = loadTopology(VALID);
    if (!loaded.ok) throw new Error('fixture must load');
    const again = loadTopology(stringifyTopology(loaded.topology));
    expect(again.ok && again.topology).toStrictEqual(loaded.topology);
  });
});
