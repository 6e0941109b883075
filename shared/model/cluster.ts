import { z } from 'zod';
import { CpuQuantity, ElementId, MemoryQuantity } from './common.js';

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
    /** EKS IRSA: `eks.amazonaws.com/role-arn`. */
    awsRoleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'an IAM role ARN such as arn:aws:iam::123456789012:role/otel')
      .optional(),
    /** GKE Workload Identity: `iam.gke.io/gcp-service-account`. */
    gcpServiceAccount: z.string().regex(/^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/, 'a GCP service account email').optional(),
    /** AKS Workload Identity: `azure.workload.identity/client-id`. */
    azureClientId: z
      .string()
      .regex(/^[0-9a-fA-F-]{36}$/, 'an Azure client id (a GUID)')
      .optional(),
  })
  .strict();
export type WorkloadIdentity = z.infer<typeof WorkloadIdentity>;

export const ResourceQuotaHard = z
  .object({
    requestsCpu: CpuQuantity,
    requestsMemory: MemoryQuantity,
    limitsCpu: CpuQuantity,
    limitsMemory: MemoryQuantity,
    pods: z.number().int().positive().optional(),
  })
  .strict();

/** A runtime inside a site: a Kubernetes cluster, a serverless platform or a set of VMs. */
export const Cluster = z
  .object({
    kind: z.literal('cluster'),
    id: ElementId,
    label: z.string().optional(),
    site: ElementId,
    platform: Platform,
    /** Namespace of the collectors (Kubernetes and Knative). @default "observability" */
    namespace: z.string().min(1).default('observability'),
    /** @default "production" */
    environment: z.string().min(1).default('production'),
    identity: WorkloadIdentity.optional(),
    /** GCP project (Cloud Run and googlecloud exporters). */
    gcpProject: z.string().optional(),
    /** Nodes a DaemonSet runs on, for quota sizing. @default 3 */
    expectedNodes: z.number().int().positive().default(3),
    /**
     * ResourceQuota for the namespace: `auto` sizes it from the collectors, `none` emits none.
     * @default "auto"
     */
    resourceQuota: z.union([z.enum(['auto', 'none']), ResourceQuotaHard]).default('auto'),
  })
  .strict();
export type Cluster = z.infer<typeof Cluster>;
