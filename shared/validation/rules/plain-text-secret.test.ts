import { describe, expect, it } from 'vitest';
import type { EnvValue } from '../../model/common.js';
import { agent, agentToGateway, backend, cluster, controlPlane, flow, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { looksSecret, plainTextSecret } from './plain-text-secret.js';

const LITERAL = 'sk-live-1234567890';

const azure = topology([backend('azure-mon', { type: 'azuremonitor', connectionString: `InstrumentationKey=${LITERAL}` })]);
const vendorHeader = topology([backend('vendor', { type: 'otlphttp', endpoint: 'https://otlp.vendor.example', headers: { 'x-api-key': LITERAL, 'x-tenant': 'acme' } })]);
const flowHeader = topology([
  site('s'),
  cluster('k', 's'),
  agent('agent', 'k'),
  backend('debug'),
  flow('out', 'agent', 'debug', { headers: { Authorization: `Bearer ${LITERAL}` } }),
]);
const opamp = topology([controlPlane('opamp', { token: LITERAL })]);
const withAgentEnv = (env: Record<string, EnvValue>) =>
  topology(agentToGateway().elements.map((element) => (element.id === 'agent' ? { ...element, env } : element)));
const envLiteral = withAgentEnv({ DD_API_KEY: LITERAL, LOG_LEVEL: 'debug' });

const cases: RuleCase[] = [
  {
    name: 'references and harmless headers',
    topology: topology([
      backend('azure-mon', { type: 'azuremonitor', connectionString: { env: 'AZ_CONN', secret: { name: 'az', key: 'conn' } } }),
      backend('vendor', { type: 'otlp', endpoint: 'otlp.vendor.example:4317', headers: { 'x-tenant': 'acme', authorization: 'Bearer ${env:VENDOR_TOKEN}' } }),
      controlPlane('opamp', { token: { env: 'OPAMP_TOKEN' } }),
    ]),
    diagnostics: [],
  },
  {
    name: 'an Azure Monitor connection string in plain text',
    topology: azure,
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['azure-mon'],
        message: /The connection string of Azure Monitor backend 'azure-mon' is written in plain text.*\$\{env:AZURE_MON_CONNECTION_STRING\}, filled from Secret 'azure-mon' key 'connection-string'/,
        path: ['elements', 0, 'connectionString'],
      },
    ],
  },
  {
    name: 'an API key header of a backend; the tenant header is fine',
    topology: vendorHeader,
    diagnostics: [{ severity: 'error', elementIds: ['vendor'], message: /Header 'x-api-key' of backend 'vendor' is written in plain text/, path: ['elements', 0, 'headers', 'x-api-key'] }],
  },
  {
    name: 'an Authorization header on a flow',
    topology: flowHeader,
    diagnostics: [{ severity: 'error', elementIds: ['out'], message: /Header 'Authorization' of flow 'out'.*\$\{env:OUT_AUTHORIZATION\}/, path: ['elements', 4, 'headers', 'Authorization'] }],
  },
  {
    name: 'an OpAMP token in plain text',
    topology: opamp,
    diagnostics: [{ severity: 'error', elementIds: ['opamp'], message: /The token of control plane 'opamp' is written in plain text/, path: ['elements', 0, 'token'] }],
  },
  {
    name: 'a secret-looking environment variable of a collector',
    topology: envLiteral,
    diagnostics: [{ severity: 'error', elementIds: ['agent'], message: /Environment variable DD_API_KEY of collector 'agent' looks like a credential.*Secret 'agent' key 'dd-api-key'/, path: ['elements', 2, 'env', 'DD_API_KEY'] }],
  },
  {
    name: 'environment variables read from a Secret or a pod field',
    topology: withAgentEnv({ DD_API_KEY: { secret: { name: 'datadog', key: 'api-key' } }, POD_NAME_TOKEN: { field: 'metadata.name' } }),
    diagnostics: [],
  },
];

describe('plain-text-secret', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    const found = checkRule(plainTextSecret, model);
    expectDiagnostics(plainTextSecret, found, diagnostics);
    // AND the secret itself never shows in the problems panel
    for (const diagnostic of found) expect(diagnostic.message).not.toContain(LITERAL);
  });

  it('quick fixes replace the literal with a Secret reference', () => {
    expect(applyFix(plainTextSecret, azure).elements[0]).toMatchObject({
      connectionString: { env: 'AZURE_MON_CONNECTION_STRING', secret: { name: 'azure-mon', key: 'connection-string' } },
    });
    expect(applyFix(plainTextSecret, vendorHeader).elements[0]).toMatchObject({
      headers: { 'x-api-key': { env: 'VENDOR_X_API_KEY', secret: { name: 'vendor', key: 'x-api-key' } }, 'x-tenant': 'acme' },
    });
    expect(applyFix(plainTextSecret, flowHeader).elements[4]).toMatchObject({ headers: { Authorization: { env: 'OUT_AUTHORIZATION' } } });
    expect(applyFix(plainTextSecret, opamp).elements[0]).toMatchObject({ token: { env: 'OPAMP_TOKEN', secret: { name: 'opamp', key: 'token' } } });
    expect(applyFix(plainTextSecret, envLiteral).elements[2]).toMatchObject({ env: { DD_API_KEY: { secret: { name: 'agent', key: 'dd-api-key' } }, LOG_LEVEL: 'debug' } });
  });

  it('recognises credential names', () => {
    for (const name of ['Authorization', 'api-key', 'X-API-Key', 'token', 'dd-api-key', 'client_secret', 'DB_PASSWORD', 'x-auth-token', 'AWS_ACCESS_KEY_ID']) {
      expect(looksSecret(name), name).toBe(true);
    }
    for (const name of ['x-tenant', 'content-type', 'x-scope-orgid', 'LOG_LEVEL', 'monkey', 'keyspace']) expect(looksSecret(name), name).toBe(false);
  });
});
