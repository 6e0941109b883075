import type { Cluster } from '../../model/cluster.js';
import type { Resources } from '../../model/common.js';
import {
  CONFIG_DIRECTORY,
  CONFIG_FILE_NAME,
  FILE_STORAGE_DIRECTORY,
  HEALTH_CHECK_PATH,
  HOST_ROOT_MOUNT,
  TLS_DIRECTORY,
  configMapName,
  selectorLabels,
} from '../conventions.js';
import { contentHash } from '../hash.js';
import type { CollectorPlan, EnvVar } from '../plan.js';
import { CONTAINER_NAME, METRICS_PORT, dnsLabel, objectLabels } from './meta.js';
import { identityPodLabels } from './service-account.js';

/** The uid and gid the contrib, k8s and core images run as. */
export const COLLECTOR_UID = 10001;
export const FILE_STORAGE_VOLUME = 'file-storage';
export const POD_LOGS_DIRECTORY = '/var/log/pods';
/** Pod annotation whose value changes with the config, so pods roll when the ConfigMap does. */
export const CONFIG_CHECKSUM_ANNOTATION = 'checksum/config';

type Plain = Record<string, unknown>;

export function containerEnv(env: readonly EnvVar[]): Plain[] {
  return env.map((variable) => {
    if ('value' in variable) return { name: variable.name, value: variable.value };
    if ('fieldPath' in variable) return { name: variable.name, valueFrom: { fieldRef: { fieldPath: variable.fieldPath } } };
    return { name: variable.name, valueFrom: { secretKeyRef: { name: variable.secret.name, key: variable.secret.key } } };
  });
}

/** Requests and limits as set on the collector, leaving out what it does not set. */
export function containerResources(resources: Resources): Plain {
  const pick = (values: Resources['requests']) => {
    const picked = { ...(values.cpu ? { cpu: values.cpu } : {}), ...(values.memory ? { memory: values.memory } : {}) };
    return Object.keys(picked).length > 0 ? picked : undefined;
  };
  const requests = pick(resources.requests);
  const limits = pick(resources.limits);
  return { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
}

export const tlsVolumeName = (secret: string) => dnsLabel(`tls-${secret}`);

/** The hostPath a DaemonSet keeps its persistent queue in: one directory per collector and namespace. */
export const hostFileStorageDirectory = (namespace: string, collectorId: string) => `/var/lib/otelcol/${namespace}-${collectorId}`;

/**
 * Whether the collector container must run as root:
 * - a DaemonSet's file_storage lives in a hostPath that the kubelet creates root-owned (0755),
 *   which uid 10001 cannot write, and the distroless image has no shell for an init container
 *   to chown it;
 * - file_log reads /var/log/pods, whose files the container runtime writes as root with 0640.
 * Root there still gets no capabilities, no privilege escalation and a read-only root filesystem.
 */
export function needsRoot(plan: CollectorPlan): boolean {
  return (plan.context.mode === 'daemonset' && plan.fileStorage) || plan.hostMounts.podLogs;
}

/** The file_storage volume for a pod of this mode; a StatefulSet's comes from its claim template instead. */
function fileStorageVolume(plan: CollectorPlan, cluster: Cluster): Plain | undefined {
  switch (plan.context.mode) {
    case 'daemonset':
      // The queue must outlive the pod: a directory on the node, which the next pod there finds.
      return {
        name: FILE_STORAGE_VOLUME,
        hostPath: { path: hostFileStorageDirectory(cluster.namespace, plan.collector.id), type: 'DirectoryOrCreate' },
      };
    case 'statefulset':
      return undefined;
    default:
      // Deployment (and sidecar) pods are interchangeable and own no disk: an emptyDir keeps the
      // queue across container restarts (an OOM kill, a crash), not across rescheduling. A
      // queue that must survive that wants mode statefulset, whose claim follows the pod.
      return { name: FILE_STORAGE_VOLUME, emptyDir: {} };
  }
}

/** Volumes of the collector's pod and where its container mounts them. */
export function collectorVolumes(plan: CollectorPlan, cluster: Cluster, options: { config: boolean }): { volumes: Plain[]; mounts: Plain[] } {
  const volumes: Plain[] = [];
  const mounts: Plain[] = [];
  if (options.config) {
    volumes.push({ name: 'config', configMap: { name: configMapName(plan.collector.id) } });
    mounts.push({ name: 'config', mountPath: CONFIG_DIRECTORY, readOnly: true });
  }
  for (const secret of plan.tlsSecrets) {
    volumes.push({ name: tlsVolumeName(secret), secret: { secretName: secret } });
    mounts.push({ name: tlsVolumeName(secret), mountPath: `${TLS_DIRECTORY}/${secret}`, readOnly: true });
  }
  if (plan.fileStorage) {
    const volume = fileStorageVolume(plan, cluster);
    if (volume) volumes.push(volume);
    mounts.push({ name: FILE_STORAGE_VOLUME, mountPath: FILE_STORAGE_DIRECTORY });
  }
  if (plan.hostMounts.hostRoot) {
    volumes.push({ name: 'hostfs', hostPath: { path: '/', type: 'Directory' } });
    // HostToContainer: file systems the host mounts later (new disks) show up for host_metrics.
    mounts.push({ name: 'hostfs', mountPath: HOST_ROOT_MOUNT, readOnly: true, mountPropagation: 'HostToContainer' });
  }
  if (plan.hostMounts.podLogs) {
    volumes.push({ name: 'varlogpods', hostPath: { path: POD_LOGS_DIRECTORY, type: 'Directory' } });
    mounts.push({ name: 'varlogpods', mountPath: POD_LOGS_DIRECTORY, readOnly: true });
  }
  return { volumes, mounts };
}

export function containerSecurityContext(plan: CollectorPlan): Plain {
  const user = needsRoot(plan)
    ? { runAsNonRoot: false, runAsUser: 0, runAsGroup: 0 }
    : { runAsNonRoot: true, runAsUser: COLLECTOR_UID, runAsGroup: COLLECTOR_UID };
  return {
    ...user,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  };
}

/** Named container ports: the OTLP receivers', health_check's and the collector's own metrics. */
export function containerPorts(plan: CollectorPlan): Plain[] {
  return [
    ...plan.ports.map((port) => ({ name: port.name, containerPort: port.port, protocol: 'TCP' })),
    ...(plan.healthPort !== undefined ? [{ name: 'health', containerPort: plan.healthPort, protocol: 'TCP' }] : []),
    { name: 'metrics', containerPort: METRICS_PORT, protocol: 'TCP' },
  ];
}

export function podLabels(plan: CollectorPlan, cluster: Cluster): Record<string, string> {
  return { ...selectorLabels(plan.collector.id), ...objectLabels(plan), ...identityPodLabels(cluster.identity) };
}

/** The pod template of a DaemonSet, Deployment or StatefulSet running the collector. */
export function podTemplate(plan: CollectorPlan, cluster: Cluster): Plain {
  const { volumes, mounts } = collectorVolumes(plan, cluster, { config: true });
  const probe = plan.healthPort !== undefined ? { httpGet: { path: HEALTH_CHECK_PATH, port: plan.healthPort } } : undefined;
  const container = {
    name: CONTAINER_NAME,
    image: plan.image,
    imagePullPolicy: 'IfNotPresent',
    args: [`--config=${CONFIG_DIRECTORY}/${CONFIG_FILE_NAME}`],
    ports: containerPorts(plan),
    ...(plan.env.length > 0 ? { env: containerEnv(plan.env) } : {}),
    resources: containerResources(plan.collector.resources),
    ...(probe ? { livenessProbe: probe, readinessProbe: probe } : {}),
    securityContext: containerSecurityContext(plan),
    volumeMounts: mounts,
  };
  return {
    metadata: {
      labels: podLabels(plan, cluster),
      annotations: { [CONFIG_CHECKSUM_ANNOTATION]: contentHash(plan.configText) },
    },
    spec: {
      serviceAccountName: plan.collector.id,
      securityContext: {
        // Makes a StatefulSet's claimed volume writable by the collector's group.
        ...(needsRoot(plan) ? {} : { fsGroup: COLLECTOR_UID }),
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [container],
      volumes,
    },
  };
}
