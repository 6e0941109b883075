import { describe, it } from 'vitest';
import { agent, cluster, flow, site, topology } from '../../testing/builders.js';
import { checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { cloudRunEndpoint } from './cloud-run-endpoint.js';

const gcp = site('gcp', { provider: 'gcp', region: 'us-central1' });
const run = cluster('run', 'gcp', { platform: 'cloudrun' });
const gke = cluster('gke', 'gcp', { platform: 'gke' });

const CASES: RuleCase[] = [
  {
    name: 'a Cloud Run collector nobody sends to',
    topology: topology([gcp, run, agent('edge', 'run')]),
    diagnostics: [],
  },
  {
    name: 'a Cloud Run collector with its service URL',
    topology: topology([gcp, run, gke, agent('edge', 'run', { externalEndpoint: 'edge-123.us-central1.run.app:443' }), agent('node', 'gke'), flow('up', 'node', 'edge')]),
    diagnostics: [],
  },
  {
    name: 'a Cloud Run collector another collector sends to, without its URL',
    topology: topology([gcp, run, gke, agent('edge', 'run'), agent('node', 'gke'), flow('up', 'node', 'edge')]),
    diagnostics: [{ severity: 'warning', elementIds: ['edge', 'up'], message: /runs on Cloud Run.*'node' sends to it.*externalEndpoint/ }],
  },
];

describe('cloud-run-endpoint', () => {
  it.each(CASES)('$name', ({ topology: model, diagnostics }) => {
    expectDiagnostics(cloudRunEndpoint, checkRule(cloudRunEndpoint, model), diagnostics);
  });
});
