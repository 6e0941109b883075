import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import type { Element } from '../../model/topology.js';
import * as build from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { systemdCpuQuota, systemdFiles, systemdMemory } from './systemd.js';

/** A gateway `vm-gw` on on-prem VMs, exporting over a persistent queue to a vendor with a secret key. */
function onPrem(gatewayFields: Parameters<typeof build.gateway>[2] = {}, extra: Element[] = []) {
  const topology = build.topology([
    build.site('dc-fra', { provider: 'onprem', region: 'fra1' }),
    build.cluster('vms', 'dc-fra', { platform: 'vm' }),
    build.gateway('vm-gw', 'vms', gatewayFields),
    build.backend('vendor', {
      type: 'otlphttp',
      endpoint: 'https://otlp.vendor.example',
      headers: { 'api-key': { env: 'VENDOR_KEY', secret: { name: 'vendor', key: 'api-key' } } },
    }),
    build.flow('gw-to-vendor', 'vm-gw', 'vendor', { queue: { type: 'persistent' } }),
    ...extra,
  ]);
  const index = indexTopology(topology);
  const plan = planCollector(index, index.collector('vm-gw')!);
  const files = systemdFiles(index, index.clusters[0]!, [plan]);
  const file = (path: string) => files.find((candidate) => candidate.path === path);
  return { plan, files, file };
}

/** `Key=value` lines of a unit, every value of a key in order. */
function directives(unit: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of unit.split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (match) map.set(match[1]!, [...(map.get(match[1]!) ?? []), match[2]!]);
  }
  return map;
}

/** Every key config.go of cmd/opampsupervisor reads (mapstructure tags), by section. */
const SUPERVISOR_KEYS: Record<string, readonly string[]> = {
  '': ['server', 'agent', 'capabilities', 'storage', 'telemetry', 'healthcheck'],
  server: ['endpoint', 'headers', 'tls'],
  agent: [
    'executable', 'orphan_detection_interval', 'description', 'config_apply_timeout', 'bootstrap_timeout',
    'opamp_server_port', 'passthrough_logs', 'use_hup_config_reload', 'config_files', 'args', 'env',
  ],
  capabilities: [
    'accepts_remote_config', 'accepts_restart_command', 'accepts_opamp_connection_settings', 'reports_effective_config',
    'reports_own_metrics', 'reports_own_logs', 'reports_own_traces', 'reports_health', 'reports_remote_config',
    'reports_available_components', 'reports_heartbeat',
  ],
  storage: ['directory'],
};

describe('systemdFiles', () => {
  it('writes config, unit, environment template and README for a collector without control plane', () => {
    // GIVEN a contrib gateway on a VM  WHEN its files are generated
    const { files, plan } = onPrem();
    // THEN the unit is named after the contrib binary, and the config is the collector's as it is
    expect(files.map((file) => file.path)).toStrictEqual([
      'vm-gw/config.yaml',
      'vm-gw/otelcol-contrib.service',
      'vm-gw/otelcol-contrib.conf',
      'vm-gw/README.md',
    ]);
    expect(files[0]!.content).toBe(plan.configText);
  });

  it('runs the collector binary with the expected directives', () => {
    // GIVEN a gateway with a persistent queue and the default 1 CPU / 512Mi limits
    const unit = onPrem().file('vm-gw/otelcol-contrib.service')!.content;
    // WHEN the unit's directives are read
    const values = directives(unit);
    // THEN it runs /usr/bin/otelcol-contrib on the installed config, as the package's user
    expect(values.get('ExecStart')).toStrictEqual(['/usr/bin/otelcol-contrib --config=/etc/otelcol-contrib/config.yaml']);
    expect(values.get('User')).toStrictEqual(['otelcol-contrib']);
    expect(values.get('Restart')).toStrictEqual(['on-failure']);
    // AND caps its memory, with GOMEMLIMIT below the cap, and reads secrets from the env file
    expect(values.get('MemoryMax')).toStrictEqual(['512M']);
    expect(values.get('CPUQuota')).toStrictEqual(['100%']);
    expect(values.get('Environment')).toStrictEqual(['"GOMEMLIMIT=409MiB"']);
    expect(values.get('EnvironmentFile')).toStrictEqual(['/etc/otelcol-contrib/otelcol-contrib.conf']);
    // AND is hardened, with the queue directory as the one writable path
    expect(values.get('NoNewPrivileges')).toStrictEqual(['true']);
    expect(values.get('ProtectSystem')).toStrictEqual(['strict']);
    expect(values.get('StateDirectory')).toStrictEqual(['otelcol/file_storage']);
    expect(values.get('ReadWritePaths')).toStrictEqual(['/var/lib/otelcol/file_storage']);
    expect(values.get('CapabilityBoundingSet')).toStrictEqual(['']);
    expect(values.get('WantedBy')).toStrictEqual(['multi-user.target']);
  });

  it('leaves the file system read-only without a persistent queue', () => {
    // GIVEN a gateway with a memory queue only
    const topology = build.topology([
      build.site('dc', { provider: 'onprem', region: 'dc1' }),
      build.cluster('vms', 'dc', { platform: 'vm' }),
      build.gateway('gw', 'vms'),
      build.backend('debug'),
      build.flow('gw-to-debug', 'gw', 'debug'),
    ]);
    const index = indexTopology(topology);
    // WHEN its unit is generated
    const [, unit] = systemdFiles(index, index.clusters[0]!, [planCollector(index, index.collector('gw')!)]);
    // THEN nothing is writable
    expect(directives(unit!.content).get('ReadWritePaths')).toBeUndefined();
    expect(directives(unit!.content).get('StateDirectory')).toBeUndefined();
  });

  it('follows the distribution for binary, user and paths', () => {
    // GIVEN a core-distribution collector
    const { files } = onPrem({ distribution: 'core' });
    // WHEN its unit is read
    const unit = files.find((file) => file.path === 'vm-gw/otelcol.service')!.content;
    // THEN everything is named otelcol
    expect(directives(unit).get('ExecStart')).toStrictEqual(['/usr/bin/otelcol --config=/etc/otelcol/config.yaml']);
    expect(directives(unit).get('EnvironmentFile')).toStrictEqual(['/etc/otelcol/otelcol.conf']);
    expect(files.some((file) => file.path === 'vm-gw/otelcol.conf')).toBe(true);
  });

  it('lists the variables to fill in the environment template, all empty', () => {
    // GIVEN a gateway whose exporter reads VENDOR_KEY from a secret
    const template = onPrem().file('vm-gw/otelcol-contrib.conf')!.content;
    // WHEN its assignments are read
    const assignments = template.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    // THEN there is one, with no value, explained by a comment
    expect(assignments).toStrictEqual(['VENDOR_KEY=']);
    expect(template).toContain('# secret "vendor", key "api-key"\nVENDOR_KEY=\n');
  });

  it('runs an OpAMP supervisor instead of the collector when a control plane manages it', () => {
    // GIVEN a gateway attached to an OpAMP server with a token from a secret
    const { files, file } = onPrem({ controlPlane: 'opamp' }, [
      build.controlPlane('opamp', { token: { env: 'OPAMP_TOKEN', secret: { name: 'opamp', key: 'token' } } }),
    ]);
    // WHEN its files are generated
    // THEN the supervisor's config and unit replace the collector's unit
    expect(files.map((candidate) => candidate.path)).toStrictEqual([
      'vm-gw/config.yaml',
      'vm-gw/opampsupervisor.service',
      'vm-gw/otelcol-contrib.conf',
      'vm-gw/supervisor.yaml',
      'vm-gw/README.md',
    ]);
    const values = directives(file('vm-gw/opampsupervisor.service')!.content);
    expect(values.get('ExecStart')).toStrictEqual(['/usr/bin/opampsupervisor --config=/etc/otelcol-contrib/supervisor.yaml']);
    expect(values.get('ReadWritePaths')).toStrictEqual(['/var/lib/otelcol/file_storage /var/lib/otelcol/supervisor']);
    // AND the supervisor connects with the token from the environment and runs the generated config
    expect(parse(file('vm-gw/supervisor.yaml')!.content)).toStrictEqual({
      server: {
        endpoint: 'wss://opamp.example.com/v1/opamp',
        headers: { Authorization: ['Bearer ${env:OPAMP_TOKEN}'] },
      },
      capabilities: {
        accepts_remote_config: true,
        reports_remote_config: true,
        reports_effective_config: true,
        reports_health: true,
        reports_own_metrics: true,
      },
      agent: {
        executable: '/usr/bin/otelcol-contrib',
        config_files: ['/etc/otelcol-contrib/config.yaml'],
        passthrough_logs: true,
      },
      storage: { directory: '/var/lib/otelcol/supervisor' },
    });
    // AND the token is one more variable to fill
    expect(file('vm-gw/otelcol-contrib.conf')!.content).toContain('\nOPAMP_TOKEN=\n');
  });

  it('writes only supervisor keys that exist', () => {
    // GIVEN a control plane that does not push config
    const { file } = onPrem({ controlPlane: 'opamp' }, [build.controlPlane('opamp', { acceptsRemoteConfig: false })]);
    // WHEN the supervisor config is read back
    const config = parse(file('vm-gw/supervisor.yaml')!.content) as Record<string, Record<string, unknown>>;
    // THEN every key is one config.go reads, and remote config is refused
    const unknown = [
      ...Object.keys(config).filter((key) => !SUPERVISOR_KEYS['']!.includes(key)),
      ...Object.entries(config).flatMap(([section, body]) =>
        Object.keys(body).filter((key) => !(SUPERVISOR_KEYS[section] ?? []).includes(key)).map((key) => `${section}.${key}`),
      ),
    ];
    expect(unknown).toStrictEqual([]);
    expect(config.capabilities!.accepts_remote_config).toBe(false);
    expect(config.server).toStrictEqual({ endpoint: 'wss://opamp.example.com/v1/opamp' });
  });

  it('tells in the README how to install', () => {
    // GIVEN a plain gateway  WHEN its README is generated
    const readme = onPrem().file('vm-gw/README.md')!.content;
    // THEN it installs the unit and enables it
    expect(readme).toContain('sudo install -m 0644 vm-gw/otelcol-contrib.service /etc/systemd/system/otelcol-contrib.service');
    expect(readme).toContain('sudo systemctl enable --now otelcol-contrib.service');
  });
});

describe('systemdMemory', () => {
  it.each([
    { quantity: '512Mi', value: '512M' },
    { quantity: '2Gi', value: '2G' },
    { quantity: '1536Mi', value: '1536M' },
    { quantity: '1G', value: '1000000000' },
    { quantity: undefined, value: undefined },
  ])('turns $quantity into $value', ({ quantity, value }) => {
    expect(systemdMemory(quantity)).toBe(value);
  });
});

describe('systemdCpuQuota', () => {
  it.each([
    { quantity: '1', value: '100%' },
    { quantity: '250m', value: '25%' },
    { quantity: '2', value: '200%' },
  ])('turns $quantity into $value', ({ quantity, value }) => {
    expect(systemdCpuQuota(quantity)).toBe(value);
  });
});
