#!/usr/bin/env node
import * as fs from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../shared/engine/generate.js';
import { formatLoadProblem } from '../shared/io/problem.js';
import { loadTopology, stringifyTopology, type TopologyLoadResult } from '../shared/io/topology-file.js';
import { importFiles, type ImportFile, type ImportReport } from '../shared/import/import-files.js';
import { describeFileError, writeFileAtomic } from './atomic-write.js';
import { hasErrors, validate } from '../shared/validation/validate.js';
import { formatDiagnosticText, locateDiagnostic, summary } from './format.js';
import { OutputError, writeBundle } from './write-bundle.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage:
  otel-topology validate FILE [--format text|json]
      Checks a topology with every rule. Exit code 1 if there is any error.
  otel-topology export FILE --out DIR [--zip] [--force]
      Writes the bundle (collector configs, manifests per cluster, README, diagram) to DIR,
      or to DIR.zip with --zip. DIR may be new, empty, or an earlier export, which is replaced
      (DIR/.otel-topology-bundle.json lists the files an export wrote); DIR/.git is kept.
      Refuses a DIR holding anything else, and a topology with errors, unless --force.
  otel-topology import FILE... [--out FILE] [--force] [--collector NAME=FILE,FILE]
      Builds a topology from collector configs, Kubernetes manifests (ConfigMaps with the
      DaemonSets/Deployments/StatefulSets mounting them), OpenTelemetryCollector resources and
      opentelemetry-collector Helm values (a folder: its .yaml/.yml files). Plain collector configs
      passed together are the --config files of one collector, merged in order; --collector
      NAME=a.yaml,b.yaml makes those files a collector of their own. Writes --out (default
      topology.otel-topology.yaml), never over an existing file without --force, and prints what
      was recognised, what became overrides and what looks wrong. Exit code 1 if nothing imported.
  otel-topology --help | --version`;

interface Arguments {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
  /** `--collector NAME=FILE,...`, which may repeat. */
  readonly collectors: string[];
}

const VALUE_OPTIONS = new Set(['--out', '--format', '--collector']);
const FLAG_OPTIONS = new Set(['--zip', '--force', '--help', '-h', '--version']);

function parseArguments(argv: readonly string[]): Arguments | string {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const collectors: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    if (VALUE_OPTIONS.has(name!)) {
      const value = inline ?? argv[++index];
      if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
      if (name === '--collector') collectors.push(value);
      else options.set(name!, value);
    } else if (FLAG_OPTIONS.has(argument)) {
      options.set(argument, true);
    } else if (argument.startsWith('-')) {
      return `unknown option ${argument}`;
    } else {
      positional.push(argument);
    }
  }
  return { positional, options, collectors };
}

async function readTopologyFile(file: string, io: Io): Promise<{ text: string; loaded: TopologyLoadResult & { ok: true } } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a topology file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    io.err(`${file}: cannot read: ${reason}`);
    return undefined;
  }
  const loaded = loadTopology(text);
  if (!loaded.ok) {
    for (const problem of loaded.problems) io.err(formatLoadProblem(problem, file));
    io.err(`${file}: not a valid topology (${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'})`);
    return undefined;
  }
  return { text, loaded };
}

async function validateCommand(args: Arguments, io: Io): Promise<number> {
  const [file] = args.positional;
  const format = args.options.get('--format') ?? 'text';
  if (!file || args.positional.length > 1) return usageError('validate takes one FILE', io);
  if (format !== 'text' && format !== 'json') return usageError(`--format is text or json, not ${String(format)}`, io);
  const read = await readTopologyFile(file, io);
  if (!read) return 1;
  const diagnostics = validate(read.loaded.topology).map((diagnostic) => locateDiagnostic(diagnostic, read.loaded.parsed));
  if (format === 'json') {
    const count = (severity: string) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
    io.out(JSON.stringify({ file, errors: count('error'), warnings: count('warning'), notes: count('info'), diagnostics }, null, 2));
  } else {
    for (const diagnostic of diagnostics) io.out(formatDiagnosticText(diagnostic, file));
    io.out(`${file}: ${summary(diagnostics)}`);
  }
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0;
}

async function exportCommand(args: Arguments, io: Io): Promise<number> {
  const [file] = args.positional;
  const out = args.options.get('--out');
  if (!file || args.positional.length > 1) return usageError('export takes one FILE', io);
  if (typeof out !== 'string') return usageError('export needs --out DIR', io);
  const force = args.options.has('--force');
  const read = await readTopologyFile(file, io);
  if (!read) return 1;
  const diagnostics = validate(read.loaded.topology);
  if (hasErrors(diagnostics)) {
    for (const diagnostic of diagnostics.filter((item) => item.severity === 'error')) {
      io.err(formatDiagnosticText(locateDiagnostic(diagnostic, read.loaded.parsed), file));
    }
    if (!force) {
      io.err(`${file}: ${summary(diagnostics)}; nothing written (fix the errors, or pass --force to export anyway)`);
      return 1;
    }
    io.err(`${file}: exporting despite ${summary(diagnostics)} (--force)`);
  }
  const bundle = generate(read.loaded.topology, { topologyText: read.text });
  try {
    const written = await writeBundle(bundle, out, { zip: args.options.has('--zip'), force });
    io.out(`wrote ${bundle.files.length} files to ${written}`);
    return 0;
  } catch (error) {
    if (error instanceof OutputError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

const DEFAULT_IMPORT_OUT = 'topology.otel-topology.yaml';

/** The files behind the arguments: a folder stands for its YAML files, in name order. */
async function importInputs(paths: readonly string[], io: Io): Promise<string[] | undefined> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await fs.stat(path).catch((error: unknown) => error as Error);
    if (info instanceof Error) {
      io.err(describeFileError(info, path, 'read'));
      return undefined;
    }
    if (!info.isDirectory()) files.push(path);
    else for (const name of (await fs.readdir(path)).sort()) if (/\.ya?ml$/.test(name)) files.push(join(path, name));
  }
  return files;
}

function formatReport(report: ImportReport, io: Io): void {
  const at = (entry: { file: string; line: number; column: number }) => `${entry.file}:${entry.line}:${entry.column}`;
  for (const entry of report.recognised) io.out(`${at(entry)}: recognised ${entry.message}`);
  for (const entry of report.notes) io.out(`${at(entry)}: note: ${entry.message}`);
  for (const entry of report.overrides) {
    io.out(`${at(entry)}: override (${entry.change === 'set' ? 'kept as written' : 'removes a generated key'}) ${entry.collector}: ${entry.path}`);
  }
  for (const problem of report.problems) io.err(`${at(problem)}: ${problem.severity}: ${problem.message}`);
}

async function importCommand(args: Arguments, io: Io): Promise<number> {
  const named = new Map<string, string>();
  for (const spec of args.collectors) {
    const match = /^([^=]+)=(.+)$/.exec(spec);
    if (!match) return usageError(`--collector takes NAME=FILE[,FILE...], not ${spec}`, io);
    for (const file of match[2]!.split(',')) named.set(resolve(file), match[1]!);
  }
  const paths = await importInputs([...args.positional, ...args.collectors.flatMap((spec) => spec.slice(spec.indexOf('=') + 1).split(','))], io);
  if (!paths) return 1;
  const unique = [...new Map(paths.map((path) => [resolve(path), path])).values()];
  if (unique.length === 0) return usageError('import takes at least one FILE', io);
  const outArgument = typeof args.options.get('--out') === 'string' ? (args.options.get('--out') as string) : DEFAULT_IMPORT_OUT;
  const out = resolve(outArgument);
  if (!args.options.has('--force') && (await fs.stat(out).catch(() => undefined))) {
    io.err(`${out} exists: choose another --out, or pass --force to replace it`);
    return 1;
  }
  const files: ImportFile[] = [];
  for (const path of unique) {
    try {
      const collector = named.get(resolve(path));
      files.push({ path, text: await readFile(path, 'utf8'), ...(collector ? { collector } : {}) });
    } catch (error) {
      io.err(describeFileError(error, path, 'read'));
      return 1;
    }
  }
  const { topology, report } = importFiles(files);
  formatReport(report, io);
  if (!topology) {
    const errors = report.problems.filter((problem) => problem.severity === 'error').length;
    io.err(`nothing imported (${errors} error${errors === 1 ? '' : 's'})`);
    return 1;
  }
  try {
    await fs.mkdir(dirname(out), { recursive: true });
    await writeFileAtomic(fs, out, stringifyTopology(topology));
  } catch (error) {
    io.err(describeFileError(error, out, 'write'));
    return 1;
  }
  const count = (kind: string) => topology.elements.filter((element) => element.kind === kind).length;
  const warnings = report.problems.length;
  io.out(`wrote ${out}: ${count('collector')} collectors, ${count('backend')} backends, ${count('flow')} flows; ${report.overrides.length} override paths${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`);
  // What the design rules say about what was imported: export refuses errors until fixed (or --force).
  const diagnostics = validate(topology);
  if (diagnostics.length > 0) {
    io.out(`the rules find ${summary(diagnostics)} in it: see them with \`otel-topology validate ${outArgument}\`${hasErrors(diagnostics) ? ' (export needs the errors fixed, or --force)' : ''}`);
  }
  return 0;
}

function usageError(message: string, io: Io): number {
  io.err(`otel-topology: ${message}\n\n${USAGE}`);
  return 2;
}

/** Runs the CLI; returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArguments(argv);
  if (typeof args === 'string') return usageError(args, io);
  if (args.options.has('--help') || args.options.has('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (args.options.has('--version')) {
    io.out('otel-topology 0.1.0');
    return 0;
  }
  const [command, ...rest] = args.positional;
  const commandArgs = { positional: rest, options: args.options, collectors: args.collectors };
  switch (command) {
    case 'validate':
      return validateCommand(commandArgs, io);
    case 'export':
      return exportCommand(commandArgs, io);
    case 'import':
      return importCommand(commandArgs, io);
    case undefined:
      return usageError('no command', io);
    default:
      return usageError(`unknown command ${command}`, io);
  }
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  run(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`otel-topology: unexpected failure: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 70;
    },
  );
}
