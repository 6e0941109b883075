import { isInDistribution, typeOf } from '../../catalog/catalog.js';
import type { ComponentKind } from '../../catalog/catalog-types.js';
import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import { textFile, type GeneratedFile } from '../bundle.js';
import type { CollectorPlan } from '../plan.js';
import { bullets, clusterRegion, literalEnv, secretEnv } from './target-common.js';

/** Where the layer reads the config: the root of the function package. */
export const LAMBDA_CONFIG_PATH = '/var/task/collector.yaml';
export const LAMBDA_CONFIG_ENV = 'OPENTELEMETRY_COLLECTOR_CONFIG_URI';
/** The account the OpenTelemetry project publishes its Lambda layers from. */
export const LAMBDA_LAYER_ACCOUNT = '184161586896';

const SECTIONS: ReadonlyArray<readonly [string, ComponentKind]> = [
  ['receivers', 'receiver'],
  ['processors', 'processor'],
  ['exporters', 'exporter'],
  ['connectors', 'connector'],
  ['extensions', 'extension'],
];

/** Components of the config the layer's small build does not contain (`section/id`). */
export function componentsOutsideLambdaLayer(plan: CollectorPlan): string[] {
  const outside: string[] = [];
  for (const [section, kind] of SECTIONS) {
    const components = plan.config[section];
    if (typeof components !== 'object' || components === null) continue;
    for (const id of Object.keys(components)) {
      if (!isInDistribution(kind, typeOf(id), 'lambda')) outside.push(`${section}/${id}`);
    }
  }
  return outside;
}

/**
 * Pipelines where `batch` is not followed by `decouple`: without it the function's invocation
 * waits for the export (the layer's converter may append it, but the config should say so).
 */
export function pipelinesWithoutDecouple(plan: CollectorPlan): string[] {
  const service = plan.config.service as { pipelines?: Record<string, { processors?: string[] }> } | undefined;
  return Object.entries(service?.pipelines ?? {})
    .filter(([, pipeline]) => {
      const processors = (pipeline.processors ?? []).map(typeOf);
      const batch = processors.lastIndexOf('batch');
      return batch !== -1 && !processors.slice(batch + 1).includes('decouple');
    })
    .map(([name]) => name);
}

/**
 * The `--environment` document of `aws lambda update-function-configuration`: where the config is
 * and the literal variables it reads. Secret variables are left out: their values never enter
 * generated files, and the README says where each comes from.
 */
export function lambdaEnvironment(plan: CollectorPlan): { Variables: Record<string, string> } {
  const variables: Record<string, string> = { [LAMBDA_CONFIG_ENV]: LAMBDA_CONFIG_PATH };
  for (const variable of literalEnv(plan)) variables[variable.name] = variable.value;
  return { Variables: variables };
}

export function lambdaLayerArn(region: string, architecture: 'amd64' | 'arm64'): string {
  return `arn:aws:lambda:${region}:${LAMBDA_LAYER_ACCOUNT}:layer:opentelemetry-collector-${architecture}-<layer-version>:1`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function readme(index: TopologyIndex, cluster: Cluster, plan: CollectorPlan): string {
  const id = plan.collector.id;
  const region = clusterRegion(index, cluster) ?? '<region>';
  const secrets = secretEnv(plan);
  const secretSteps = secrets.map(
    (variable) =>
      `${variable.name}=$(aws secretsmanager get-secret-value --secret-id ${shellQuote(variable.secret.name)} --query SecretString --output text | jq -r ${shellQuote(`.[${JSON.stringify(variable.secret.key)}]`)})`,
  );
  const jqArgs = secrets.map((variable) => `--arg ${variable.name} "$${variable.name}"`).join(' ');
  const jqSecrets = secrets.map((variable) => `${variable.name}: $${variable.name}`).join(', ');
  const outside = componentsOutsideLambdaLayer(plan);
  const withoutDecouple = pipelinesWithoutDecouple(plan);
  const attention = [
    ...outside.map((component) => `\`${component}\` is not in the Lambda layer's build: the collector will not start`),
    ...withoutDecouple.map((pipeline) => `pipeline \`${pipeline}\`: \`batch\` is not followed by \`decouple\`, so invocations wait for the export`),
    ...plan.unsourcedEnv.map((name) => `\`${name}\` is read by the config but nothing fills it: add it to the function's environment`),
  ];
  return `# Lambda collector \`${id}\`

The collector runs inside the OpenTelemetry collector Lambda layer, next to the function, and
reads its config from the function package.

- \`collector.yaml\`: the config; it must sit at the root of the function package (\`${LAMBDA_CONFIG_PATH}\`).
- \`environment.json\`: the variables the layer needs (\`${LAMBDA_CONFIG_ENV}\` and the literal ones), no secrets.

## 1. Add the layer

\`\`\`text
${lambdaLayerArn(region, 'amd64')}   # x86_64 functions
${lambdaLayerArn(region, 'arm64')}   # arm64 functions
\`\`\`

\`<layer-version>\` is the layer's own release (\`0_22_0\` for \`layer-collector/0.22.0\`), not the
collector version: take the newest \`layer-collector/*\` release of
https://github.com/open-telemetry/opentelemetry-lambda/releases. Layers are regional: use the
function's region.

## 2. Package the config

\`\`\`sh
zip -j function.zip ${id}/collector.yaml   # -j: at the root of the package, i.e. ${LAMBDA_CONFIG_PATH}
\`\`\`

## 3. Set the environment

\`update-function-configuration --environment\` replaces every variable of the function, so merge
with what is there${secrets.length > 0 ? ' and add the secrets from Secrets Manager (secret name, JSON key)' : ''}:

\`\`\`sh
FUNCTION=<function-name>
aws lambda get-function-configuration --function-name "$FUNCTION" --query 'Environment.Variables' > current.json
${secretSteps.map((line) => line + '\n').join('')}jq -n --slurpfile current current.json --slurpfile ours ${id}/environment.json${jqArgs ? ' ' + jqArgs : ''} \\
  '{Variables: (($current[0] // {}) + $ours[0].Variables${jqSecrets ? ` + {${jqSecrets}}` : ''})}' > merged.json
aws lambda update-function-configuration --function-name "$FUNCTION" --environment file://merged.json
rm merged.json current.json
\`\`\`

Variables to fill from Secrets Manager (values never appear in generated files):

${bullets(
  secrets.map((variable) => `\`${variable.name}\`: secret \`${variable.secret.name}\`, key \`${variable.secret.key}\``),
  'None.',
)}
Whoever runs these commands needs \`secretsmanager:GetSecretValue\` on them; the values then sit in the
function's configuration, encrypted with its KMS key.

## Needs attention

${bullets(attention, 'Nothing.')}`;
}

/** Lambda: the layer's collector config and the function environment. Paths are relative to the cluster's folder. */
export function lambdaFiles(index: TopologyIndex, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  return plans.flatMap((plan) => {
    const id = plan.collector.id;
    const extra = { clusterId: cluster.id, collectorId: id };
    return [
      { path: `${id}/collector.yaml`, content: plan.configText, regions: plan.configRegions, ...extra },
      textFile(`${id}/environment.json`, JSON.stringify(lambdaEnvironment(plan), null, 2) + '\n', extra),
      textFile(`${id}/README.md`, readme(index, cluster, plan), extra),
    ];
  });
}
