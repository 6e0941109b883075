import { z } from 'zod';
import { CpuQuantity, ElementId, elementHead, MemoryQuantity } from './common.js';

export const Platform = z.enum(['eks', 'aks', 'gke', 'kubernetes', 'cloudrun', 'lambda', 'vm']);
export type Platform = z.infer<typeof Platform>;

/** Platforms whose collectors are deployed as Kubernetes manifests. */
export const KUBERNETES_PLATFORMS: readonly Platform[] = ['eks', 'aks', 'gke', 'kubernetes'];

export function isKubernetesPlatform(platform: Platform): boolean {
  return KUBERNETES_PLATFORMS.includes(platform);
}

/** Cloud workload identity given to the collectors' service account. */
export const WorkloadIdentity = z
  .object({
    awsRoleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'an IAM role ARN such as arn:aws:iam::123456789012:role/otel')
      .optional()
      .meta({ description: 'IAM role for EKS IRSA: the eks.amazonaws.com/role-arn annotation.' }),
    gcpServiceAccount: z
      .string()
      .regex(/^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/, 'a GCP service account email')
      .optional()
      .meta({ description: 'Google service account for GKE Workload Identity (iam.gke.io/gcp-service-account); on Cloud Run, the service account the service runs as.' }),
    azureClientId: z
      .string()
      .regex(/^[0-9a-fA-F-]{36}$/, 'an Azure client id (a GUID)')
      .optional()
      .meta({ description: 'Managed identity client id for AKS Workload Identity: the azure.workload.identity/client-id annotation and the use label on the pods.' }),
  })
  .strict();
export type WorkloadIdentity = z.infer<typeof WorkloadIdentity>;

export const ResourceQuotaHard = z
  .object({
    requestsCpu: CpuQuantity.meta({ description: 'Total CPU requests allowed in the namespace (requests.cpu).' }),
    requestsMemory: MemoryQuantity.meta({ description: 'Total memory requests allowed in the namespace (requests.memory).' }),
    limitsCpu: CpuQuantity.meta({ description: 'Total CPU limits allowed in the namespace (limits.cpu).' }),
    limitsMemory: MemoryQuantity.meta({ description: 'Total memory limits allowed in the namespace (limits.memory).' }),
    pods: z.number().int().positive().optional().meta({ description: 'Most pods allowed in the namespace; no limit where absent.' }),
  })
  .strict()
  .meta({ description: 'A ResourceQuota with these limits.' });

export const Cluster = z
  .object({
    ...elementHead('cluster'),
    site: ElementId.meta({ description: 'Site the cluster is in (its id).' }),
    platform: Platform.meta({
      description: 'Where the collectors run: eks, aks, gke or kubernetes get manifests, cloudrun a Knative Service, lambda a layer config, vm a systemd unit.',
    }),
    namespace: z.string().min(1).default('observability').meta({
      description: 'Kubernetes namespace of the collectors and their objects, created by the bundle. Default observability.',
    }),
    environment: z.string().min(1).default('production').meta({
      description: 'Environment the cluster serves (production, staging...), for reference: generation and rules do not read it. Default production.',
    }),
    identity: WorkloadIdentity.optional().meta({ description: "Cloud identity of the collectors' service account (IRSA, GKE or AKS Workload Identity)." }),
    gcpProject: z.string().min(1).optional().meta({
      description: "GCP project of a Cloud Run cluster: the Knative Service's namespace and --project of the deploy commands; gcloud's default where absent.",
    }),
    expectedNodes: z.number().int().positive().default(3).meta({
      description: 'Nodes in the cluster, that is DaemonSet pods, for sizing the auto ResourceQuota. Default 3.',
    }),
    resourceQuota: z.union([z.enum(['auto', 'none']), ResourceQuotaHard]).default('auto').meta({
      description: "The namespace's ResourceQuota: auto sizes it from the collectors' resources and replicas, none writes none, or give its limits. Default auto.",
    }),
  })
  .strict()
  .meta({ description: 'A runtime inside a site: a Kubernetes cluster, Cloud Run, Lambda or a set of VMs.' });
export type Cluster = z.infer<typeof Cluster>;
