import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { run } from './main.js';

const EXAMPLE = resolve(import.meta.dirname, '..', 'examples', 'central-aggregation.otel-topology.yaml');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'otel-topology-cli-'));
}

function writeTopology(directory: string, text: string): string {
  const file = join(directory, 'design.otel-topology.yaml');
  writeFileSync(file, text);
  return file;
}

const WITH_ERROR = `schemaVersion: 1
name: broken
elements:
  - kind: site
    id: s
    provider: aws
    region: us-east-1
  - kind: cluster
    id: c
    site: s
    platform: eks
  - kind: collector
    id: agent
    cluster: c
    role: agent
  - kind: flow
    id: f
    from: agent
    to: nowhere
    signals: [traces]
`;

describe('otel-topology validate', () => {
  it('GIVEN a valid example WHEN validated THEN exits 0 with a summary', async () => {
    const result = await cli('validate', EXAMPLE);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/0 errors/);
  });

  it('GIVEN a topology with an error WHEN validated as JSON THEN exits 1 and locates the problem', async () => {
    const file = writeTopology(scratch(), WITH_ERROR);
    const result = await cli('validate', file, '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { errors: number; diagnostics: Array<{ severity: string; line?: number; elementIds: string[] }> };
    expect(report.errors).toBeGreaterThan(0);
    const error = report.diagnostics.find((diagnostic) => diagnostic.severity === 'error' && diagnostic.elementIds.includes('f'));
    expect(error?.line).toBeGreaterThanOrEqual(16);
  });

  it.each([
    ['a missing file', ['validate', '/nonexistent/x.otel-topology.yaml'], 1, /no such file/],
    ['a folder', ['validate', tmpdir()], 1, /folder/],
    ['no file', ['validate'], 2, /one FILE/],
    ['an unknown command', ['frobnicate'], 2, /unknown command/],
    ['a bad format', ['validate', EXAMPLE, '--format', 'xml'], 2, /text or json/],
  ])('GIVEN %s WHEN run THEN says what is wrong', async (_name, argv, code, message) => {
    const result = await cli(...(argv as string[]));
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
  });

  it('GIVEN invalid YAML WHEN validated THEN reports file, line and column', async () => {
    const file = writeTopology(scratch(), 'schemaVersion: 1\nname: x\nelements:\n  - kind: site\n   id: bad-indent\n');
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('GIVEN a schema violation WHEN validated THEN names the model path', async () => {
    const file = writeTopology(scratch(), 'schemaVersion: 1\nname: x\nelements:\n  - kind: site\n    id: s\n    provider: mars\n    region: r\n');
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/:6:\d+: .*\(elements\[0\]\.provider\)/);
  });
});

describe('otel-topology export', () => {
  it('GIVEN an example WHEN exported THEN writes the bundle with one folder per cluster', async () => {
    const out = join(scratch(), 'bundle');
    const result = await cli('export', EXAMPLE, '--out', out);
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'clusters')).sort()).toStrictEqual(['aks-apps', 'eks-central', 'gke-apps']);
    expect(readFileSync(join(out, 'topology.otel-topology.yaml'), 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    expect(existsSync(join(out, 'README.md'))).toBe(true);
  });

  it('GIVEN a non-empty folder WHEN exporting without --force THEN refuses and leaves it alone', async () => {
    const out = scratch();
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const result = await cli('export', EXAMPLE, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not empty.*--force/);
    expect(readdirSync(out)).toStrictEqual(['keep.txt']);
  });

  it('GIVEN an earlier export edited by hand WHEN exported again to the same folder THEN replaces it without --force', async () => {
    const out = join(scratch(), 'bundle');
    await cli('export', EXAMPLE, '--out', out);
    const generated = readFileSync(join(out, 'configs', 'central-gateway.yaml'), 'utf8');
    writeFileSync(join(out, 'configs', 'central-gateway.yaml'), 'edited by hand');
    const result = await cli('export', EXAMPLE, '--out', out);
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'configs', 'central-gateway.yaml'), 'utf8')).toBe(generated);
  });

  it('GIVEN an earlier export plus a file of the user\'s WHEN exported again THEN refuses, naming the file and --force', async () => {
    const out = join(scratch(), 'bundle');
    await cli('export', EXAMPLE, '--out', out);
    writeFileSync(join(out, 'notes.md'), 'mine');
    const result = await cli('export', EXAMPLE, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/also notes\.md, which the export did not write: move it away, or .*--force/);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('mine');
  });

  it('GIVEN a non-empty folder WHEN exporting with --force THEN replaces it whole', async () => {
    const out = scratch();
    writeFileSync(join(out, 'stale.txt'), 'old');
    expect((await cli('export', EXAMPLE, '--out', out, '--force')).code).toBe(0);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(join(out, 'configs', 'central-gateway.yaml'))).toBe(true);
  });

  it('GIVEN a topology with errors WHEN exported THEN writes nothing', async () => {
    const directory = scratch();
    const out = join(directory, 'bundle');
    const result = await cli('export', writeTopology(directory, WITH_ERROR), '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/nothing written/);
    expect(existsSync(out)).toBe(false);
  });

  it('GIVEN --zip WHEN exported THEN writes one archive holding every file', async () => {
    const out = join(scratch(), 'bundle');
    expect((await cli('export', EXAMPLE, '--out', out, '--zip')).code).toBe(0);
    const entries = Object.keys(unzipSync(readFileSync(`${out}.zip`)));
    expect(entries).toContain('clusters/eks-central/kustomization.yaml');
    expect(entries).toContain('configs/aws-agent.yaml');
  });

  it('GIVEN an output under a file WHEN exported THEN fails clearly and leaves no partial output', async () => {
    const directory = scratch();
    writeFileSync(join(directory, 'file'), 'x');
    const result = await cli('export', EXAMPLE, '--out', join(directory, 'file', 'bundle'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot write .*bundle/);
    expect(readdirSync(directory)).toStrictEqual(['file']);
  });

  it('GIVEN the same topology WHEN exported twice THEN the bytes are the same', async () => {
    const [first, second] = [join(scratch(), 'a'), join(scratch(), 'b')];
    await cli('export', EXAMPLE, '--out', first, '--zip');
    await cli('export', EXAMPLE, '--out', second, '--zip');
    expect(readFileSync(`${first}.zip`).equals(readFileSync(`${second}.zip`))).toBe(true);
  });
});

describe('the built bin (npm run build)', () => {
  it('runs under plain node from the path package.json declares', () => {
    const root = resolve(import.meta.dirname, '..');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const bin = join(root, manifest.bin['otel-topology']!);
    expect(existsSync(bin), `${bin} is missing: run npm run build first (npm test does)`).toBe(true);
    const result = spawnSync(process.execPath, [bin, 'validate', EXAMPLE], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/0 errors/);
  });
});

describe('otel-topology import', () => {
  const FIXTURES = resolve(import.meta.dirname, '..', 'shared', 'import', 'fixtures');

  it('GIVEN Operator resources WHEN imported THEN writes a loadable topology and prints the report', async () => {
    const directory = scratch();
    const out = join(directory, 'imported.otel-topology.yaml');
    const result = await cli('import', join(FIXTURES, 'operator-collectors.yaml'), '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/recognised collector otel-gateway \(gateway\/statefulset\)/);
    expect(result.out).toMatch(/override \(kept as written\) otel-gateway: connectors\.routing/);
    expect(result.out).toMatch(/wrote .*: 2 collectors, 5 backends, 7 flows/);
    // The design rules' verdict on the imported fleet, and where to read it.
    expect(result.out).toMatch(/^the rules find 0 errors, \d+ warnings, \d+ notes in it: see them with `otel-topology validate .*imported\.otel-topology\.yaml`$/m);
    // A config without memory_limiter imports, and the rules say what export will insist on.
    const strict = await cli('import', join(FIXTURES, 'flow-settings-manifests.yaml'), '--out', join(directory, 'strict.otel-topology.yaml'));
    expect(strict.out).toMatch(/the rules find [1-9]\d* errors?, .* \(export needs the errors fixed, or --force\)$/m);
    expect(readdirSync(directory).filter((name) => name.startsWith('.'))).toStrictEqual([]);
    const validated = await cli('validate', out);
    expect(validated.err).not.toMatch(/not a valid topology/);
  });

  it('GIVEN an existing output WHEN imported without --force THEN refuses and leaves it; with --force THEN replaces it', async () => {
    const directory = scratch();
    const out = join(directory, 'topology.otel-topology.yaml');
    writeFileSync(out, 'keep me');
    const refused = await cli('import', join(FIXTURES, 'helm-default-relay.yaml'), '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await cli('import', join(FIXTURES, 'helm-default-relay.yaml'), '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/kind: collector/);
  });

  it('GIVEN two configs named for two collectors WHEN imported THEN the topology has both', async () => {
    const directory = scratch();
    const out = join(directory, 't.otel-topology.yaml');
    const result = await cli(
      'import',
      '--collector', `demo=${join(FIXTURES, 'otel-demo-collector.yaml')},${join(FIXTURES, 'otel-demo-extras.yaml')}`,
      '--collector', `relay=${join(FIXTURES, 'helm-default-relay.yaml')}`,
      '--out', out,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/2 collectors/);
    expect(readFileSync(out, 'utf8')).toMatch(/id: demo[\s\S]*id: relay|id: relay[\s\S]*id: demo/);
  });

  it('GIVEN malformed YAML WHEN imported THEN exits 1 with file:line:column and writes nothing', async () => {
    const directory = scratch();
    const input = join(directory, 'broken.yaml');
    writeFileSync(input, 'receivers:\n  otlp: [\n');
    const out = join(directory, 'out.otel-topology.yaml');
    const result = await cli('import', input, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/broken\.yaml:3:1: error: /);
    expect(result.err).toMatch(/nothing imported/);
    expect(existsSync(out)).toBe(false);
  });

  it('GIVEN a missing file WHEN imported THEN exits 1 and says so', async () => {
    const result = await cli('import', join(scratch(), 'nope.yaml'), '--out', join(scratch(), 'o.yaml'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot read .*nope\.yaml: it does not exist/);
  });
});
