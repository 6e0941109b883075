import type { Cluster, WorkloadIdentity } from '../../model/cluster.js';
import type { CollectorPlan } from '../plan.js';
import { collectorMeta, type KubernetesObject } from './meta.js';

/** Service-account annotations that bind the collector to a cloud identity. */
export function identityAnnotations(identity: WorkloadIdentity | undefined): Record<string, string> {
  return {
    ...(identity?.awsRoleArn ? { 'eks.amazonaws.com/role-arn': identity.awsRoleArn } : {}),
    ...(identity?.gcpServiceAccount ? { 'iam.gke.io/gcp-service-account': identity.gcpServiceAccount } : {}),
    ...(identity?.azureClientId ? { 'azure.workload.identity/client-id': identity.azureClientId } : {}),
  };
}

/**
 * Pod labels the identity needs: AKS's webhook only projects the token into pods labelled
 * `azure.workload.identity/use` (IRSA and GKE key off the service account alone).
 */
export function identityPodLabels(identity: WorkloadIdentity | undefined): Record<string, string> {
  return identity?.azureClientId ? { 'azure.workload.identity/use': 'true' } : {};
}

/** The collector's own service account, named after it, with its workload identity. */
export function serviceAccountObject(cluster: Cluster, plan: CollectorPlan): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: collectorMeta(plan, plan.collector.id, cluster.namespace, identityAnnotations(cluster.identity)),
  };
}
