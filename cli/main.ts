#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '../shared/engine/generate.js';
import { formatLoadProblem } from '../shared/io/problem.js';
import { loadTopology, type TopologyLoadResult } from '../shared/io/topology-file.js';
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
      or to DIR.zip with --zip. Refuses a non-empty DIR and a topology with errors unless --force.
  otel-topology --help | --version`;

interface Arguments {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

const VALUE_OPTIONS = new Set(['--out', '--format']);
const FLAG_OPTIONS = new Set(['--zip', '--force', '--help', '-h', '--version']);

function parseArguments(argv: readonly string[]): Arguments | string {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    if (VALUE_OPTIONS.has(name!)) {
      const value = inline ?? argv[++index];
      if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
      options.set(name!, value);
    } else if (FLAG_OPTIONS.has(argument)) {
      options.set(argument, true);
    } else if (argument.startsWith('-')) {
      return `unknown option ${argument}`;
    } else {
      positional.push(argument);
    }
  }
  return { positional, options };
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
  const commandArgs = { positional: rest, options: args.options };
  switch (command) {
    case 'validate':
      return validateCommand(commandArgs, io);
    case 'export':
      return exportCommand(commandArgs, io);
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
