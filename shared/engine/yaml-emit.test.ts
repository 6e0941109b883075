import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { emitYaml, isPlainSafe, originKey } from './yaml-emit.js';

/** A small deterministic PRNG so the round-trip cases are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY_STRINGS = [
  'yes', 'on', 'No', '~', 'null', '0x1F', '1e3', '12:30', '2026-11-25', '.inf', '-', '- a', 'a: b', 'a #b', '#x', '',
  ' lead', 'trail ', '${env:MY_POD_IP}:4317', 'dns:///gw-headless.observability.svc.cluster.local:4317', '*', '&a',
  '!tag', '|', '>', '"q"', "'s'", '@at', '`tick', '%pct', 'line1\nline2\n', 'line1\nline2', 'x\n\n', '\ttab', 'é ü 中',
  'a\r\nb', '\u0007bell', '{a}', '[b]', 'k8s.pod.name', 'app.kubernetes.io/name', '=', '<<', 'Y', '+1', '.5', '1_000',
];

function randomValue(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth > 3 || pick < 0.4) {
    const scalars = [
      () => TRICKY_STRINGS[Math.floor(random() * TRICKY_STRINGS.length)],
      () => Math.floor(random() * 100000) - 500,
      () => random() * 10,
      () => random() < 0.5,
      () => null,
    ];
    return scalars[Math.floor(random() * scalars.length)]!();
  }
  const size = Math.floor(random() * 4);
  if (pick < 0.7) return Array.from({ length: size }, () => randomValue(random, depth + 1));
  return Object.fromEntries(
    Array.from({ length: size }, () => [TRICKY_STRINGS[Math.floor(random() * TRICKY_STRINGS.length)]!, randomValue(random, depth + 1)]),
  );
}

describe('emitYaml', () => {
  it('writes Kubernetes-style block YAML', () => {
    const { text } = emitYaml({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'gw', labels: {} },
      spec: { ports: [{ name: 'otlp-grpc', port: 4317 }], empty: [] },
      data: { 'collector.yaml': 'receivers:\n  otlp: {}\n' },
    });
    expect(text).toBe(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: gw',
        '  labels: {}',
        'spec:',
        '  ports:',
        '    - name: otlp-grpc',
        '      port: 4317',
        '  empty: []',
        'data:',
        '  collector.yaml: |',
        '    receivers:',
        '      otlp: {}',
        '',
      ].join('\n'),
    );
  });

  it('quotes every string a YAML 1.1 or 1.2 reader would take for something else', () => {
    for (const word of ['yes', 'on', 'off', 'y', 'NO', 'null', '~', '1e3', '0x10', '12:30', '2026-01-02', '.inf', '']) {
      expect(isPlainSafe(word), word).toBe(false);
    }
    for (const word of ['gw-eu', 'otlp_grpc/gw-eu', '${env:MY_POD_IP}:4317', 'app.kubernetes.io/name', '500m']) {
      expect(isPlainSafe(word), word).toBe(true);
    }
  });

  it('round-trips thousands of random documents through a YAML parser unchanged', () => {
    const random = mulberry32(42);
    for (let run = 0; run < 3000; run++) {
      const value = randomValue(random, 0);
      const { text } = emitYaml(value);
      expect(parse(text), text).toStrictEqual(value);
    }
  });

  it('records the lines each origin covers', () => {
    const origins = new Map([
      [originKey(['exporters', 'otlp_grpc/gw']), 'flow-1'],
      [originKey(['receivers']), 'agent'],
    ]);
    const { regions } = emitYaml(
      { receivers: { otlp: { protocols: { grpc: {} } } }, exporters: { debug: {}, 'otlp_grpc/gw': { endpoint: 'gw:4317', tls: { insecure: true } } } },
      origins,
    );
    expect(regions).toStrictEqual([
      { elementId: 'agent', path: ['receivers'], startLine: 1, endLine: 4 },
      { elementId: 'flow-1', path: ['exporters', 'otlp_grpc/gw'], startLine: 7, endLine: 10 },
    ]);
  });
});
