import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import { agent, cluster, site, topology } from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { identityAnnotations, identityPodLabels, serviceAccountObject } from './service-account.js';

describe('serviceAccountObject', () => {
  it('GIVEN an EKS cluster with an IRSA role WHEN generated THEN the account is named after the collector and carries the role', () => {
    const eks = cluster('eks', 'aws', { identity: { awsRoleArn: 'arn:aws:iam::123456789012:role/otel' } });
    const index = indexTopology(topology([site('aws'), eks, agent('agent', 'eks')]));
    expect(serviceAccountObject(eks, planCollector(index, index.collector('agent')!))).toStrictEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'agent',
        namespace: 'observability',
        labels: {
          'app.kubernetes.io/name': 'opentelemetry-collector',
          'app.kubernetes.io/instance': 'agent',
          'app.kubernetes.io/part-of': 'otel-topology',
          'app.kubernetes.io/managed-by': 'otel-topology-designer',
          'app.kubernetes.io/component': 'agent',
        },
        annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/otel' },
      },
    });
  });

  it('GIVEN no identity WHEN generated THEN the account has no annotations at all', () => {
    const plain = cluster('k8s', 'dc', { platform: 'kubernetes' });
    const index = indexTopology(topology([site('dc', { provider: 'onprem' }), plain, agent('agent', 'k8s')]));
    expect(serviceAccountObject(plain, planCollector(index, index.collector('agent')!)).metadata).not.toHaveProperty('annotations');
  });
});

describe('identityAnnotations and identityPodLabels', () => {
  it('GIVEN a GKE service account WHEN mapped THEN only the GKE annotation is set and pods need no label', () => {
    const identity = { gcpServiceAccount: 'otel@p.iam.gserviceaccount.com' };
    expect(identityAnnotations(identity)).toStrictEqual({ 'iam.gke.io/gcp-service-account': 'otel@p.iam.gserviceaccount.com' });
    expect(identityPodLabels(identity)).toStrictEqual({});
  });

  it('GIVEN an Azure client id WHEN mapped THEN the account gets the client id and pods the use label', () => {
    const identity = { azureClientId: '11111111-2222-3333-4444-555555555555' };
    expect(identityAnnotations(identity)).toStrictEqual({ 'azure.workload.identity/client-id': '11111111-2222-3333-4444-555555555555' });
    expect(identityPodLabels(identity)).toStrictEqual({ 'azure.workload.identity/use': 'true' });
  });
});
