import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isInDistribution, typeOf } from '../../catalog/catalog.js';
import type { ComponentKind } from '../../catalog/catalog-types.js';
import { indexTopology } from '../../graph/topology-index.js';
import type { Element } from '../../model/topology.js';
import * as build from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { componentsOutsideLambdaLayer, lambdaFiles, lambdaLayerArn } from './lambda.js';

/** A Lambda-layer collector `fn` in eu-west-1 sending traces to a gateway with a secret header. */
function lambda(agentFields: Parameters<typeof build.agent>[2] = {}, extra: Element[] = []) {
  const topology = build.topology([
    build.site('aws-euw1', { provider: 'aws', region: 'eu-west-1' }),
    build.cluster('functions', 'aws-euw1', { platform: 'lambda' }),
    build.cluster('eks', 'aws-euw1'),
    build.agent('fn', 'functions', agentFields),
    build.gateway('gw', 'eks'),
    build.flow('fn-to-gw', 'fn', 'gw', {
      protocol: 'http',
      headers: { 'x-api-key': { env: 'GW_API_KEY', secret: { name: 'otel/gateway', key: 'api-key' } } },
    }),
    ...extra,
  ]);
  const index = indexTopology(topology);
  const plan = planCollector(index, index.collector('fn')!);
  const files = lambdaFiles(index, index.clusters.find((cluster) => cluster.id === 'functions')!, [plan]);
  const file = (path: string) => files.find((candidate) => candidate.path === path)!;
  return { plan, files, file };
}

const SECTIONS: ReadonlyArray<readonly [string, ComponentKind]> = [
  ['receivers', 'receiver'],
  ['processors', 'processor'],
  ['exporters', 'exporter'],
  ['connectors', 'connector'],
  ['extensions', 'extension'],
];

describe('lambdaFiles', () => {
  it('writes the layer config, the function environment and a README per collector', () => {
    // GIVEN a Lambda-layer collector  WHEN its files are generated
    const { files, plan } = lambda();
    // THEN there are three files, and the config is the collector's as it is
    expect(files.map((file) => file.path)).toStrictEqual(['fn/collector.yaml', 'fn/environment.json', 'fn/README.md']);
    expect(files[0]!.content).toBe(plan.configText);
  });

  it('writes environment.json as `update-function-configuration --environment` takes it, without secrets', () => {
    // GIVEN a collector with a literal variable and a secret one (GW_API_KEY)
    const { file } = lambda({ env: { OPENTELEMETRY_EXTENSION_LOG_LEVEL: 'warn' } });
    // WHEN environment.json is parsed
    const environment = JSON.parse(file('fn/environment.json').content);
    // THEN it names the config file and the literal variable, and nothing secret
    expect(environment).toStrictEqual({
      Variables: {
        OPENTELEMETRY_COLLECTOR_CONFIG_URI: '/var/task/collector.yaml',
        OPENTELEMETRY_EXTENSION_LOG_LEVEL: 'warn',
      },
    });
    expect(file('fn/environment.json').content).not.toContain('GW_API_KEY');
  });

  it('documents where each secret variable comes from', () => {
    // GIVEN a secret header on the flow  WHEN the README is generated
    const readme = lambda().file('fn/README.md').content;
    // THEN it names the variable, the Secrets Manager secret and its key, and how to merge it
    expect(readme).toContain('`GW_API_KEY`: secret `otel/gateway`, key `api-key`');
    expect(readme).toContain(
      `GW_API_KEY=$(aws secretsmanager get-secret-value --secret-id 'otel/gateway' --query SecretString --output text | jq -r '.["api-key"]')`,
    );
    expect(readme).toContain('--environment file://merged.json');
  });

  it('names the collector layer of the function region', () => {
    // GIVEN a function in eu-west-1  WHEN the README is generated
    const readme = lambda().file('fn/README.md').content;
    // THEN it has the layer ARN for both architectures
    expect(readme).toContain('arn:aws:lambda:eu-west-1:184161586896:layer:opentelemetry-collector-amd64-<layer-version>:1');
    expect(readme).toContain('arn:aws:lambda:eu-west-1:184161586896:layer:opentelemetry-collector-arm64-<layer-version>:1');
    expect(lambdaLayerArn('us-east-1', 'arm64')).toMatch(/^arn:aws:lambda:us-east-1:184161586896:layer:opentelemetry-collector-arm64-[^:]+:1$/);
  });

  it('only uses components of the Lambda layer for a default collector', () => {
    // GIVEN a default Lambda-layer collector  WHEN its collector.yaml is read back
    const { file, plan } = lambda();
    const config = parse(file('fn/collector.yaml').content) as Record<string, Record<string, unknown> | undefined>;
    // THEN every component it declares is in the `lambda` distribution
    const outside = SECTIONS.flatMap(([section, kind]) =>
      Object.keys(config[section] ?? {}).filter((id) => !isInDistribution(kind, typeOf(id), 'lambda')),
    );
    expect(outside).toStrictEqual([]);
    expect(componentsOutsideLambdaLayer(plan)).toStrictEqual([]);
    // AND it binds the receivers to localhost, where only the function sends
    expect(plan.configText).toContain('endpoint: localhost:4318');
  });

  it('reports components the layer does not have', () => {
    // GIVEN a Lambda-layer collector with resource detection, exporting to X-Ray
    const { plan, file } = lambda(
      {
        processors: [
          { type: 'memory_limiter' },
          { type: 'resource_detection', detectors: ['auto'] },
          { type: 'batch' },
        ],
      },
      [build.backend('xray', { type: 'awsxray', region: 'eu-west-1' }), build.flow('fn-to-xray', 'fn', 'xray')],
    );
    // WHEN its components are checked against the layer's build
    // THEN both are listed, and the README says the collector will not start
    expect(componentsOutsideLambdaLayer(plan)).toStrictEqual(['processors/resource_detection', 'exporters/awsxray/xray']);
    expect(file('fn/README.md').content).toContain("`processors/resource_detection` is not in the Lambda layer's build");
  });
});
