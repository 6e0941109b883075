import type { TopologyIndex } from '../../graph/topology-index.js';
import type { Cluster } from '../../model/cluster.js';
import type { ControlPlane } from '../../model/control-plane.js';
import { textFile, yamlFile, type GeneratedFile } from '../bundle.js';
import { secretText } from '../collector/secrets.js';
import { BINARIES, FILE_STORAGE_DIRECTORY, TLS_DIRECTORY } from '../conventions.js';
import type { CollectorPlan } from '../plan.js';
import { parseCpu, parseMemory } from '../quantities.js';
import { bullets, literalEnv, secretEnv, tlsFilesBySecret } from './target-common.js';

export const SUPERVISOR_BINARY = 'opampsupervisor';
/** The supervisor's default storage directory (its instance id, last remote config, effective config). */
export const SUPERVISOR_STORAGE_DIRECTORY = '/var/lib/otelcol/supervisor';

/** Where the files of one collector go on the host; the deb/rpm packages use the same layout. */
export interface HostPaths {
  readonly binary: string;
  readonly executable: string;
  readonly configDirectory: string;
  readonly config: string;
  readonly environmentFile: string;
  readonly supervisorConfig: string;
  /** The unit's file name, which is also what `systemctl` calls it. */
  readonly unit: string;
}

export function hostPaths(plan: CollectorPlan): HostPaths {
  const binary = BINARIES[plan.context.distribution] ?? BINARIES.contrib!;
  const configDirectory = `/etc/${binary}`;
  return {
    binary,
    executable: `/usr/bin/${binary}`,
    configDirectory,
    config: `${configDirectory}/config.yaml`,
    environmentFile: `${configDirectory}/${binary}.conf`,
    supervisorConfig: `${configDirectory}/supervisor.yaml`,
    unit: `${controlPlaneOf(plan) ? SUPERVISOR_BINARY : binary}.service`,
  };
}

function controlPlaneOf(plan: CollectorPlan): ControlPlane | undefined {
  const id = plan.collector.controlPlane;
  const element = id === undefined ? undefined : plan.context.index.byId.get(id);
  return element?.kind === 'controlPlane' ? element : undefined;
}

/** systemd sizes in 1024-based K/M/G/T, from a Kubernetes quantity. */
export function systemdMemory(quantity: string | undefined): string | undefined {
  const bytes = quantity === undefined ? undefined : parseMemory(quantity);
  if (bytes === undefined) return undefined;
  const whole = Math.ceil(bytes);
  for (const [suffix, size] of [['T', 1024 ** 4], ['G', 1024 ** 3], ['M', 1024 ** 2], ['K', 1024]] as const) {
    if (whole % size === 0) return `${whole / size}${suffix}`;
  }
  return String(whole);
}

/** `CPUQuota=` for a CPU limit: 100 % per core. */
export function systemdCpuQuota(quantity: string | undefined): string | undefined {
  const cores = quantity === undefined ? undefined : parseCpu(quantity);
  return cores === undefined ? undefined : `${Math.round(cores * 100)}%`;
}

/** A value for `Environment=`: quoted, with systemd's `%` specifiers escaped. */
function environmentAssignment(name: string, value: string): string {
  const escaped = `${name}=${value}`.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%');
  return `Environment="${escaped}"`;
}

/** A directory below /var/lib, as `StateDirectory=` writes it (systemd creates it for the unit's user). */
function stateDirectory(path: string): string | undefined {
  return path.startsWith('/var/lib/') ? path.slice('/var/lib/'.length) : undefined;
}

/** Directories the `file` backends of the collector write into. */
function fileExportDirectories(plan: CollectorPlan): string[] {
  const directories = new Set<string>();
  for (const flow of plan.context.outgoing) {
    const backend = plan.context.index.backend(flow.to);
    if (backend?.type !== 'file' || !backend.path.startsWith('/')) continue;
    const directory = backend.path.slice(0, backend.path.lastIndexOf('/'));
    if (directory) directories.add(directory);
  }
  return [...directories].sort();
}

/** Whether a receiver listens on a port below 1024 (syslog 514...), which needs CAP_NET_BIND_SERVICE. */
function bindsPrivilegedPort(plan: CollectorPlan): boolean {
  const visit = (value: unknown, key?: string): boolean => {
    if (typeof value === 'string') {
      const match = (key === 'endpoint' || key === 'listen_address') && /:(\d+)$/.exec(value);
      return match ? Number(match[1]) < 1024 : false;
    }
    if (typeof value === 'object' && value !== null) return Object.entries(value).some(([child, item]) => visit(item, child));
    return false;
  };
  return visit(plan.config.receivers);
}

function readsHostFiles(plan: CollectorPlan): boolean {
  const receivers = plan.config.receivers;
  return typeof receivers === 'object' && receivers !== null && Object.keys(receivers).some((id) => /^(host_?metrics|file_?log)(\/|$)/.test(id));
}

/** The environment variable the control plane's token comes from, where it is a reference. */
function tokenVariable(controlPlane: ControlPlane | undefined): string | undefined {
  const token = controlPlane?.token;
  return token !== undefined && typeof token !== 'string' ? token.env : undefined;
}

export function systemdUnit(plan: CollectorPlan): string {
  const paths = hostPaths(plan);
  const controlPlane = controlPlaneOf(plan);
  const limits = plan.collector.resources.limits;
  const memoryMax = systemdMemory(limits.memory);
  const cpuQuota = systemdCpuQuota(limits.cpu);
  const writable = [
    ...(plan.fileStorage ? [FILE_STORAGE_DIRECTORY] : []),
    ...(controlPlane ? [SUPERVISOR_STORAGE_DIRECTORY] : []),
  ];
  const states = writable.map(stateDirectory).filter((path): path is string => path !== undefined);
  const readWrite = [...writable, ...fileExportDirectories(plan)];
  const capability = bindsPrivilegedPort(plan) ? 'CAP_NET_BIND_SERVICE' : '';
  const lines = [
    `# OpenTelemetry Collector "${plan.collector.id}", generated by otel-topology-designer.`,
    `# Install as /etc/systemd/system/${paths.unit}.`,
    '[Unit]',
    controlPlane
      ? `Description=OpAMP Supervisor running OpenTelemetry Collector ${plan.collector.id}`
      : `Description=OpenTelemetry Collector ${plan.collector.id}`,
    'Documentation=https://opentelemetry.io/docs/collector/',
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    // The deb/rpm packages create this user; the supervisor runs the collector under its own user,
    // so both run as the collector's to keep file permissions (config, TLS files, queues) the same.
    `User=${paths.binary}`,
    `Group=${paths.binary}`,
    // Secrets only: filled on the host, never generated.
    `EnvironmentFile=${paths.environmentFile}`,
    ...literalEnv(plan).map((variable) => environmentAssignment(variable.name, variable.value)),
    controlPlane
      ? `ExecStart=/usr/bin/${SUPERVISOR_BINARY} --config=${paths.supervisorConfig}`
      : `ExecStart=${paths.executable} --config=${paths.config}`,
    ...(controlPlane ? [`WorkingDirectory=${SUPERVISOR_STORAGE_DIRECTORY}`] : ['ExecReload=/bin/kill -HUP $MAINPID']),
    'KillMode=mixed',
    'Restart=on-failure',
    'RestartSec=5s',
    ...(memoryMax ? [`MemoryMax=${memoryMax}`] : []),
    ...(cpuQuota ? [`CPUQuota=${cpuQuota}`] : []),
    ...(states.length > 0 ? [`StateDirectory=${states.join(' ')}`] : []),
    ...(readWrite.length > 0 ? [`ReadWritePaths=${readWrite.join(' ')}`] : []),
    'UMask=0027',
    'NoNewPrivileges=true',
    'ProtectSystem=strict',
    // host_metrics and file_log look at every mount and log file: let them read /home.
    `ProtectHome=${readsHostFiles(plan) ? 'read-only' : 'true'}`,
    'PrivateTmp=true',
    'PrivateDevices=true',
    'ProtectKernelTunables=true',
    'ProtectKernelModules=true',
    'ProtectKernelLogs=true',
    'ProtectControlGroups=true',
    'ProtectClock=true',
    'ProtectHostname=true',
    'RestrictSUIDSGID=true',
    'RestrictRealtime=true',
    'RestrictNamespaces=true',
    'LockPersonality=true',
    'MemoryDenyWriteExecute=true',
    'SystemCallArchitectures=native',
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK',
    `CapabilityBoundingSet=${capability}`,
    ...(capability ? [`AmbientCapabilities=${capability}`] : []),
    '',
    '[Install]',
    'WantedBy=multi-user.target',
  ];
  return lines.join('\n') + '\n';
}

/** The `EnvironmentFile=` template: every variable to fill, with an empty value. */
export function environmentTemplate(plan: CollectorPlan): string {
  const paths = hostPaths(plan);
  const controlPlane = controlPlaneOf(plan);
  const entries: Array<{ name: string; note: string }> = [
    ...secretEnv(plan).map((variable) => ({
      name: variable.name,
      note: `secret "${variable.secret.name}", key "${variable.secret.key}"`,
    })),
    ...plan.unsourcedEnv.map((name) => ({ name, note: 'read by the config; nothing in the model says where it comes from' })),
  ];
  const token = tokenVariable(controlPlane);
  if (token && !entries.some((entry) => entry.name === token)) {
    entries.push({ name: token, note: `bearer token of the OpAMP server "${controlPlane!.id}"` });
  }
  const header = [
    `# Environment of OpenTelemetry Collector "${plan.collector.id}": ${paths.environmentFile}`,
    `# (EnvironmentFile= of ${paths.unit}). Install it mode 0600, owner root, and fill in the values`,
    '# on the host: generated files never contain secret values.',
  ];
  const body = entries.length === 0 ? ['', '# Nothing to fill in.'] : entries.flatMap((entry) => ['', `# ${entry.note}`, `${entry.name}=`]);
  return [...header, ...body].join('\n') + '\n';
}

/** The OpAMP supervisor's config (cmd/opampsupervisor/supervisor/config/config.go keys only). */
export function supervisorConfig(plan: CollectorPlan, controlPlane: ControlPlane): Record<string, unknown> {
  const paths = hostPaths(plan);
  const token = controlPlane.token === undefined ? undefined : secretText(controlPlane.token);
  return {
    server: {
      endpoint: controlPlane.endpoint,
      // An http.Header: every header is a list of values.
      ...(token ? { headers: { Authorization: [`Bearer ${token}`] } } : {}),
    },
    capabilities: {
      accepts_remote_config: controlPlane.acceptsRemoteConfig,
      ...(controlPlane.acceptsRemoteConfig ? { reports_remote_config: true } : {}),
      reports_effective_config: true,
      reports_health: true,
      reports_own_metrics: true,
    },
    agent: {
      executable: paths.executable,
      // The supervisor merges its own telemetry and opamp extension settings, then the remote config, over this.
      config_files: [paths.config],
      // Collector logs go to the journal through the supervisor instead of a file in its storage.
      passthrough_logs: true,
    },
    storage: { directory: SUPERVISOR_STORAGE_DIRECTORY },
  };
}

function readme(plan: CollectorPlan): string {
  const id = plan.collector.id;
  const paths = hostPaths(plan);
  const controlPlane = controlPlaneOf(plan);
  const tlsFiles = [...tlsFilesBySecret(plan)].flatMap(([secret, files]) => files.map((file) => `${TLS_DIRECTORY}/${secret}/${file}`));
  const install = [
    `sudo install -m 0640 -g ${paths.binary} ${id}/config.yaml ${paths.config}`,
    `sudo install -m 0600 ${id}/${paths.binary}.conf ${paths.environmentFile}   # then fill in the values`,
    ...(controlPlane ? [`sudo install -m 0640 -g ${paths.binary} ${id}/supervisor.yaml ${paths.supervisorConfig}`] : []),
    `sudo install -m 0644 ${id}/${paths.unit} /etc/systemd/system/${paths.unit}`,
    'sudo systemctl daemon-reload',
    ...(controlPlane ? [`sudo systemctl disable --now ${paths.binary}.service   # the supervisor starts the collector`] : []),
    `sudo systemctl enable --now ${paths.unit}`,
  ];
  return `# Collector \`${id}\` on a VM or host (systemd)

- \`config.yaml\`: the collector config → \`${paths.config}\`
- \`${paths.binary}.conf\`: the variables to fill on the host (secrets) → \`${paths.environmentFile}\`
${
  controlPlane
    ? `- \`supervisor.yaml\`: the OpAMP supervisor, connected to \`${controlPlane.endpoint}\` → \`${paths.supervisorConfig}\`
- \`${paths.unit}\`: runs the supervisor, which runs \`${paths.executable}\``
    : `- \`${paths.unit}\`: runs \`${paths.executable}\``
}

Install the \`${paths.binary}\` package first (deb or rpm from
https://github.com/open-telemetry/opentelemetry-collector-releases/releases): it puts the binary
in \`/usr/bin\` and creates the \`${paths.binary}\` user.${
    controlPlane ? ` Install the \`${SUPERVISOR_BINARY}\` package from the same page.` : ''
  }

\`\`\`sh
${install.join('\n')}
\`\`\`

TLS files the config reads (readable by \`${paths.binary}\`):

${bullets(tlsFiles.map((file) => `\`${file}\``), 'None.')}`;
}

/** VMs and data-centre hosts: config plus a systemd unit (and an OpAMP supervisor). Paths are relative to the cluster's folder. */
export function systemdFiles(index: TopologyIndex, cluster: Cluster, plans: readonly CollectorPlan[]): GeneratedFile[] {
  void index;
  return plans.flatMap((plan) => {
    const id = plan.collector.id;
    const paths = hostPaths(plan);
    const controlPlane = controlPlaneOf(plan);
    const extra = { clusterId: cluster.id, collectorId: id };
    return [
      { path: `${id}/config.yaml`, content: plan.configText, regions: plan.configRegions, ...extra },
      textFile(`${id}/${paths.unit}`, systemdUnit(plan), extra),
      textFile(`${id}/${paths.binary}.conf`, environmentTemplate(plan), extra),
      ...(controlPlane ? [yamlFile(`${id}/supervisor.yaml`, supervisorConfig(plan, controlPlane), controlPlane.id, extra)] : []),
      textFile(`${id}/README.md`, readme(plan), extra),
    ];
  });
}
