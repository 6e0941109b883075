/**
 * Checks one collector config — the engine's output or a config a user brings — against the
 * component catalog and the rules the collector applies when it loads and starts a config. Pure:
 * plain data in, findings out, so the rules, the CLI and the importer share it.
 */
import { closestMatch } from '../text/closest.js';
import { CATALOG_VERSIONS, catalogComponent, lookupType, typeOf } from '../catalog/catalog.js';
import { COMPONENT_KINDS, type CatalogComponent, type ComponentKind } from '../catalog/catalog-types.js';
import { RENAMES } from '../catalog/renames.js';
import { compareVersions } from '../catalog/versions.js';

export type ConfigPath = (string | number)[];

export type ConfigFindingCode =
  /** A section, component or pipeline that is not the shape the collector reads. */
  | 'invalid-structure'
  | 'unknown-type'
  /** A type the catalog knows, under a name the target version does not have yet. */
  | 'type-not-in-version'
  | 'not-in-distribution'
  | 'deprecated-alias'
  | 'removed-type'
  /** A type removed in a later version than the target: still accepted, on its way out. */
  | 'deprecated-type'
  | 'unknown-key'
  | 'null-body'
  | 'undefined-reference'
  | 'duplicate-reference'
  | 'ambiguous-id'
  | 'unused-component'
  | 'connector-one-sided'
  | 'connector-unsupported-signals'
  | 'unsupported-signal'
  | 'unknown-pipeline-signal'
  | 'no-pipelines'
  | 'pipeline-without-receivers'
  | 'pipeline-without-exporters';

/**
 * What the collector does with each problem: errors stop it (at validation or, for connectors,
 * at start); warnings load but do not do what the author meant, or will stop loading soon.
 */
export const FINDING_SEVERITY: Readonly<Record<ConfigFindingCode, 'error' | 'warning'>> = {
  'invalid-structure': 'error',
  'unknown-type': 'error',
  'type-not-in-version': 'error',
  'not-in-distribution': 'error',
  'deprecated-alias': 'warning',
  'removed-type': 'error',
  'deprecated-type': 'warning',
  'unknown-key': 'error',
  'null-body': 'warning',
  'undefined-reference': 'error',
  'duplicate-reference': 'error',
  'ambiguous-id': 'error',
  'unused-component': 'warning',
  'connector-one-sided': 'error',
  'connector-unsupported-signals': 'error',
  'unsupported-signal': 'error',
  'unknown-pipeline-signal': 'error',
  'no-pipelines': 'error',
  'pipeline-without-receivers': 'error',
  'pipeline-without-exporters': 'error',
};

export interface ConfigFinding {
  readonly code: ConfigFindingCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Path in the config: `['exporters', 'otlp/gw', 'endpoint']`. */
  readonly path: ConfigPath;
  /** The component a finding is about, where it is about one. */
  readonly component?: { readonly kind: ComponentKind; readonly id: string };
  /** The type to write instead, where renaming the component resolves the finding. */
  readonly replacementType?: string;
}

export interface ConfigCheckOptions {
  /** Collector version the config is for (`0.158.0`). */
  readonly version: string;
  /** Catalog distribution: `contrib`, `k8s`, `core`, `otlp` or `lambda`. */
  readonly distribution: string;
}

// ---------- reading a config ----------

export type PlainObject = Record<string, unknown>;
export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const COMPONENT_SECTIONS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions'] as const;
export type ComponentSection = (typeof COMPONENT_SECTIONS)[number];
export const SECTION_KIND: Readonly<Record<ComponentSection, ComponentKind>> = {
  receivers: 'receiver',
  processors: 'processor',
  exporters: 'exporter',
  connectors: 'connector',
  extensions: 'extension',
};
const KIND_SECTION = Object.fromEntries(Object.entries(SECTION_KIND).map(([section, kind]) => [kind, section])) as Record<
  ComponentKind,
  ComponentSection
>;

/** Pipeline signals the collector knows (`profiles` behind a feature gate). */
export const PIPELINE_SIGNALS = ['traces', 'metrics', 'logs', 'profiles'] as const;
export type PipelineSignal = (typeof PIPELINE_SIGNALS)[number];

/** The components of one section, `{}` where it is absent or not a map. */
export function componentsOf(config: unknown, section: ComponentSection): PlainObject {
  const components = isPlainObject(config) ? config[section] : undefined;
  return isPlainObject(components) ? components : {};
}

export interface PipelineView {
  readonly id: string;
  readonly signal: string;
  readonly receivers: readonly string[];
  readonly processors: readonly string[];
  readonly exporters: readonly string[];
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The pipelines of `service.pipelines`, with their component lists (non-strings dropped). */
export function pipelinesOf(config: unknown): PipelineView[] {
  const service = isPlainObject(config) ? config.service : undefined;
  const pipelines = isPlainObject(service) ? service.pipelines : undefined;
  if (!isPlainObject(pipelines)) return [];
  return Object.entries(pipelines).map(([id, body]) => {
    const pipeline = isPlainObject(body) ? body : {};
    return {
      id,
      signal: typeOf(id),
      receivers: stringList(pipeline.receivers),
      processors: stringList(pipeline.processors),
      exporters: stringList(pipeline.exporters),
    };
  });
}

/** Every string of a config, with its path. */
export function* stringsOf(value: unknown, path: ConfigPath = []): Generator<{ path: ConfigPath; value: string }> {
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringsOf(item, [...path, index]);
  else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) yield* stringsOf(item, [...path, key]);
}

// ---------- component types at a version ----------

/** A component type as a collector of one version sees it. */
export type TypeResolution =
  /** Usable as written; `current` is the catalog's name for it. */
  | { readonly state: 'ok'; readonly current: string; readonly component: CatalogComponent }
  /** A deprecated alias at this version: write `replacement`. */
  | { readonly state: 'deprecated'; readonly current: string; readonly component: CatalogComponent; readonly replacement: string }
  /** The catalog's current name, which this version does not know yet: write `replacement`. */
  | {
      readonly state: 'too-new';
      readonly current: string;
      readonly component: CatalogComponent;
      readonly replacement: string;
      readonly since: string;
    }
  /** Gone at this version (`removed`) or later (`removed-later`). */
  | {
      readonly state: 'removed' | 'removed-later';
      readonly removedIn: string;
      /** What to use instead, in words. */
      readonly instead?: string;
      /** The same-kind type to rename to, where a rename is the migration. */
      readonly replacementType?: string;
    }
  | { readonly state: 'unknown'; readonly suggestion?: string; readonly otherKinds: readonly ComponentKind[] };

export function resolveType(kind: ComponentKind, type: string, version: string): TypeResolution {
  const status = lookupType(kind, type);
  switch (status.status) {
    case 'current': {
      const rename = RENAMES[kind]?.[type];
      if (rename && compareVersions(version, rename.since) < 0) {
        return { state: 'too-new', current: type, component: status.component, replacement: rename.previous, since: rename.since };
      }
      return { state: 'ok', current: type, component: status.component };
    }
    case 'alias': {
      // Before the rename the old name was the only name. Where the rename's version is not
      // recorded, the catalog's own version is the first one known to call it deprecated.
      const since = RENAMES[kind]?.[status.current]?.since ?? CATALOG_VERSIONS.contrib;
      if (compareVersions(version, since) < 0) return { state: 'ok', current: status.current, component: status.component };
      return { state: 'deprecated', current: status.current, component: status.component, replacement: status.current };
    }
    case 'removed': {
      const instead = status.replacement;
      const replacementType = instead !== undefined && catalogComponent(kind, instead) ? instead : undefined;
      return {
        state: compareVersions(version, status.removedIn) >= 0 ? 'removed' : 'removed-later',
        removedIn: status.removedIn,
        ...(instead !== undefined ? { instead } : {}),
        ...(replacementType !== undefined ? { replacementType: emittedName(kind, replacementType, version) } : {}),
      };
    }
    case 'unknown': {
      const otherKinds = COMPONENT_KINDS.filter((other) => other !== kind && lookupType(other, type).status !== 'unknown');
      return { state: 'unknown', otherKinds, ...(status.suggestion ? { suggestion: status.suggestion } : {}) };
    }
  }
}

/** The name of a current catalog type at a version (its old name before a rename). */
function emittedName(kind: ComponentKind, current: string, version: string): string {
  const rename = RENAMES[kind]?.[current];
  return rename && compareVersions(version, rename.since) < 0 ? rename.previous : current;
}

/** The catalog's current name for the type of a component id; the type itself where unknown. */
export function canonicalTypeOf(kind: ComponentKind, componentId: string): string {
  const type = typeOf(componentId);
  const status = lookupType(kind, type);
  return status.status === 'alias' ? status.current : type;
}

function supportsSignal(component: CatalogComponent, signal: string): boolean {
  return signal in component.stability;
}

/** Signal pairs of a connector, as `from→to` strings, from the catalog's stability keys. */
function connectorPairSet(component: CatalogComponent): Set<string> {
  const pairs = new Set<string>();
  for (const key of Object.keys(component.stability)) {
    const match = /^([a-z]+)_to_([a-z]+)$/.exec(key);
    if (match) pairs.add(`${match[1]}→${match[2]}`);
  }
  return pairs;
}

// ---------- helpers for messages ----------


const didYouMean = (suggestion: string | undefined) => (suggestion ? ` Did you mean \`${suggestion}\`?` : '');
const list = (items: Iterable<string>) => [...items].map((item) => `\`${item}\``).join(', ');
const article = (kind: ComponentKind) => (kind === 'extension' || kind === 'exporter' ? 'an' : 'a');

// ---------- the check ----------

const TOP_LEVEL_KEYS = new Set([...COMPONENT_SECTIONS, 'service']);
const SERVICE_KEYS = new Set(['extensions', 'pipelines', 'telemetry']);
const PIPELINE_LISTS = ['receivers', 'processors', 'exporters'] as const;
const PIPELINE_KEYS = new Set<string>(PIPELINE_LISTS);

/** Where a pipeline list may take its entries from. */
const LIST_SOURCES: Record<(typeof PIPELINE_LISTS)[number], readonly ComponentSection[]> = {
  receivers: ['receivers', 'connectors'],
  processors: ['processors'],
  exporters: ['exporters', 'connectors'],
};

class Findings {
  readonly items: ConfigFinding[] = [];
  add(
    code: ConfigFindingCode,
    path: ConfigPath,
    message: string,
    extra: { component?: ConfigFinding['component']; replacementType?: string } = {},
  ): void {
    this.items.push({ code, severity: FINDING_SEVERITY[code], message, path, ...extra });
  }
}

/** Component types the rest of the check may rely on: `section:id` → catalog entry. */
type Known = Map<string, CatalogComponent>;

function checkComponent(
  findings: Findings,
  section: ComponentSection,
  id: string,
  body: unknown,
  options: ConfigCheckOptions,
  known: Known,
): void {
  const kind = SECTION_KIND[section];
  const path = [section, id];
  const component = { kind, id };
  const type = typeOf(id);
  const name = id.includes('/') ? id.slice(id.indexOf('/') + 1) : undefined;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(type) || name === '') {
    findings.add('invalid-structure', path, `\`${id}\` is not a valid component id: \`type\` or \`type/name\`.`, { component });
    return;
  }
  if (body === null) {
    findings.add(
      'null-body',
      path,
      `\`${id}\` has an empty (null) body: the collector reads it as \`{}\`, the Operator rejects it (operator #3452). Write \`{}\`.`,
      { component },
    );
  } else if (!isPlainObject(body)) {
    findings.add('invalid-structure', path, `The settings of \`${id}\` must be a map.`, { component });
  }

  const resolution = resolveType(kind, type, options.version);
  const at = `at ${options.version}`;
  switch (resolution.state) {
    case 'unknown': {
      const elsewhere = resolution.otherKinds.length > 0 ? ` \`${type}\` is ${article(resolution.otherKinds[0]!)} ${resolution.otherKinds.join(' or ')}, not ${article(kind)} ${kind}.` : '';
      findings.add('unknown-type', path, `Unknown ${kind} type \`${type}\`.${elsewhere || didYouMean(resolution.suggestion)}`, {
        component,
        ...(resolution.suggestion && !elsewhere ? { replacementType: resolution.suggestion } : {}),
      });
      return;
    }
    case 'removed':
    case 'removed-later': {
      const instead = resolution.instead ? ` Use the ${resolution.instead} instead.` : '';
      const extra = { component, ...(resolution.replacementType ? { replacementType: resolution.replacementType } : {}) };
      if (resolution.state === 'removed') {
        findings.add('removed-type', path, `The \`${type}\` ${kind} was removed in ${resolution.removedIn}.${instead}`, extra);
      } else {
        findings.add('deprecated-type', path, `The \`${type}\` ${kind} is removed in ${resolution.removedIn}.${instead}`, extra);
      }
      return;
    }
    case 'too-new':
      findings.add(
        'type-not-in-version',
        path,
        `The ${kind} \`${type}\` is called \`${resolution.replacement}\` before ${resolution.since}; ${options.version} does not know \`${type}\`.`,
        { component, replacementType: resolution.replacement },
      );
      break;
    case 'deprecated':
      findings.add(
        'deprecated-alias',
        path,
        `\`${type}\` is a deprecated alias of the ${kind} \`${resolution.replacement}\` ${at}: rename it.`,
        { component, replacementType: resolution.replacement },
      );
      break;
    case 'ok':
      break;
  }
  known.set(`${section}:${id}`, resolution.component);

  if (!resolution.component.distributions.includes(options.distribution)) {
    const where = resolution.component.distributions.filter((distribution) => distribution !== 'otlp');
    findings.add(
      'not-in-distribution',
      path,
      `The ${kind} \`${type}\` is not in the ${options.distribution} distribution${where.length > 0 ? ` (it is in ${where.join(', ')})` : ''}.`,
      { component },
    );
  }

  const keys = resolution.component.keys;
  if (keys !== null && isPlainObject(body)) {
    for (const key of Object.keys(body)) {
      if (keys.includes(key)) continue;
      findings.add('unknown-key', [...path, key], `\`${id}\` has no setting \`${key}\`.${didYouMean(closestMatch(key, keys))}`, { component });
    }
  }
}

interface Usage {
  /** Pipelines (by signal) that list a connector as an exporter / as a receiver. */
  readonly asExporter: Map<string, string[]>;
  readonly asReceiver: Map<string, string[]>;
}

function usageOf(usages: Map<string, Usage>, id: string): Usage {
  let usage = usages.get(id);
  if (!usage) usages.set(id, (usage = { asExporter: new Map(), asReceiver: new Map() }));
  return usage;
}

function addUse(uses: Map<string, string[]>, signal: string, pipeline: string): void {
  uses.set(signal, [...(uses.get(signal) ?? []), pipeline]);
}

/** Every problem of one collector config, in document order. */
export function checkCollectorConfig(config: unknown, options: ConfigCheckOptions): ConfigFinding[] {
  const findings = new Findings();
  if (!isPlainObject(config)) {
    findings.add('invalid-structure', [], 'A collector config must be a map.');
    return findings.items;
  }
  for (const key of Object.keys(config)) {
    if (!TOP_LEVEL_KEYS.has(key)) {
      findings.add('unknown-key', [key], `A collector config has no top-level \`${key}\`.${didYouMean(closestMatch(key, TOP_LEVEL_KEYS))}`);
    }
  }

  const known: Known = new Map();
  const defined = new Map<ComponentSection, PlainObject>();
  for (const section of COMPONENT_SECTIONS) {
    const components = config[section];
    if (components !== undefined && components !== null && !isPlainObject(components)) {
      findings.add('invalid-structure', [section], `\`${section}\` must be a map of component ids to settings.`);
    }
    defined.set(section, componentsOf(config, section));
    for (const [id, body] of Object.entries(componentsOf(config, section))) checkComponent(findings, section, id, body, options, known);
  }
  const connectors = defined.get('connectors')!;
  for (const id of Object.keys(connectors)) {
    for (const section of ['exporters', 'receivers'] as const) {
      if (id in defined.get(section)!) {
        findings.add('ambiguous-id', ['connectors', id], `\`${id}\` is both a connector and ${article(SECTION_KIND[section])} ${SECTION_KIND[section]}: pipelines cannot tell them apart.`, {
          component: { kind: 'connector', id },
        });
      }
    }
  }

  const service = config.service;
  if (service !== undefined && !isPlainObject(service)) {
    findings.add('invalid-structure', ['service'], '`service` must be a map.');
  }
  const serviceMap = isPlainObject(service) ? service : {};
  for (const key of Object.keys(serviceMap)) {
    if (!SERVICE_KEYS.has(key)) {
      findings.add('unknown-key', ['service', key], `\`service\` has no setting \`${key}\`.${didYouMean(closestMatch(key, SERVICE_KEYS))}`);
    }
  }

  // Extensions only run when service.extensions lists them.
  const enabledExtensions = new Set<string>();
  const extensionList = serviceMap.extensions;
  if (extensionList !== undefined && extensionList !== null && !Array.isArray(extensionList)) {
    findings.add('invalid-structure', ['service', 'extensions'], '`service.extensions` must be a list of extension ids.');
  }
  for (const [index, id] of (Array.isArray(extensionList) ? extensionList : []).entries()) {
    const path = ['service', 'extensions', index];
    if (typeof id !== 'string') {
      findings.add('invalid-structure', path, 'An extension reference must be an extension id.');
      continue;
    }
    if (enabledExtensions.has(id)) findings.add('duplicate-reference', path, `\`service.extensions\` lists \`${id}\` twice.`);
    enabledExtensions.add(id);
    if (!(id in defined.get('extensions')!)) {
      const suggestion = closestMatch(id, Object.keys(defined.get('extensions')!));
      findings.add('undefined-reference', path, `\`service.extensions\` names \`${id}\`, which \`extensions\` does not define.${didYouMean(suggestion)}`);
    }
  }
  for (const id of Object.keys(defined.get('extensions')!)) {
    if (!enabledExtensions.has(id)) {
      findings.add('unused-component', ['extensions', id], `The extension \`${id}\` is not in \`service.extensions\`, so it does not run.`, {
        component: { kind: 'extension', id },
      });
    }
  }

  const pipelines = serviceMap.pipelines;
  if (pipelines !== undefined && pipelines !== null && !isPlainObject(pipelines)) {
    findings.add('invalid-structure', ['service', 'pipelines'], '`service.pipelines` must be a map of pipeline ids.');
  }
  const pipelineEntries = Object.entries(isPlainObject(pipelines) ? pipelines : {});
  if (pipelineEntries.length === 0) {
    findings.add('no-pipelines', isPlainObject(service) ? ['service'] : [], 'The collector has no pipeline: `service.pipelines` is empty, so it will not start.');
    return findings.items;
  }

  const used = new Set<string>();
  const usages = new Map<string, Usage>();
  for (const [pipelineId, body] of pipelineEntries) {
    const pipelinePath = ['service', 'pipelines', pipelineId];
    const signal = typeOf(pipelineId);
    const signalKnown = (PIPELINE_SIGNALS as readonly string[]).includes(signal);
    if (!signalKnown) {
      findings.add(
        'unknown-pipeline-signal',
        pipelinePath,
        `Pipeline \`${pipelineId}\`: \`${signal}\` is not a signal (traces, metrics, logs, profiles).${didYouMean(closestMatch(signal, PIPELINE_SIGNALS))}`,
      );
    }
    if (!isPlainObject(body)) {
      findings.add('invalid-structure', pipelinePath, `Pipeline \`${pipelineId}\` must be a map with receivers, processors and exporters.`);
      continue;
    }
    for (const key of Object.keys(body)) {
      if (!PIPELINE_KEYS.has(key)) {
        findings.add('unknown-key', [...pipelinePath, key], `Pipeline \`${pipelineId}\` has no setting \`${key}\`.${didYouMean(closestMatch(key, PIPELINE_KEYS))}`);
      }
    }
    for (const listName of PIPELINE_LISTS) {
      const entries = body[listName];
      if (entries !== undefined && entries !== null && !Array.isArray(entries)) {
        findings.add('invalid-structure', [...pipelinePath, listName], `\`${listName}\` of pipeline \`${pipelineId}\` must be a list.`);
        continue;
      }
      const seen = new Set<string>();
      for (const [index, id] of (Array.isArray(entries) ? entries : []).entries()) {
        const path = [...pipelinePath, listName, index];
        if (typeof id !== 'string') {
          findings.add('invalid-structure', path, `Pipeline \`${pipelineId}\` lists something that is not a component id.`);
          continue;
        }
        if (seen.has(id)) findings.add('duplicate-reference', path, `Pipeline \`${pipelineId}\` lists \`${id}\` twice in its ${listName}.`);
        seen.add(id);
        const source = LIST_SOURCES[listName].find((section) => id in defined.get(section)!);
        if (!source) {
          const elsewhere = COMPONENT_SECTIONS.find((section) => id in defined.get(section)!);
          const allowed = LIST_SOURCES[listName].flatMap((section) => Object.keys(defined.get(section)!));
          const hint = elsewhere
            ? ` It is ${article(SECTION_KIND[elsewhere])} ${SECTION_KIND[elsewhere]}; pipeline ${listName} take ${LIST_SOURCES[listName].join(' or ')}.`
            : didYouMean(closestMatch(id, allowed));
          findings.add('undefined-reference', path, `Pipeline \`${pipelineId}\` uses \`${id}\`, which is not defined in ${LIST_SOURCES[listName].join(' or ')}.${hint}`);
          continue;
        }
        used.add(`${source}:${id}`);
        if (source === 'connectors') {
          const usage = usageOf(usages, id);
          addUse(listName === 'exporters' ? usage.asExporter : usage.asReceiver, signal, pipelineId);
          continue;
        }
        const component = known.get(`${source}:${id}`);
        if (signalKnown && component && !supportsSignal(component, signal)) {
          const supported = Object.keys(component.stability).filter((key) => (PIPELINE_SIGNALS as readonly string[]).includes(key));
          findings.add(
            'unsupported-signal',
            path,
            `\`${id}\` does not handle ${signal}${supported.length > 0 ? ` (only ${supported.join(', ')})` : ''}, but pipeline \`${pipelineId}\` uses it.`,
            { component: { kind: SECTION_KIND[source], id } },
          );
        }
      }
    }
    if (stringList(body.receivers).length === 0) {
      findings.add('pipeline-without-receivers', [...pipelinePath, 'receivers'], `Pipeline \`${pipelineId}\` has no receivers.`);
    }
    if (stringList(body.exporters).length === 0) {
      findings.add('pipeline-without-exporters', [...pipelinePath, 'exporters'], `Pipeline \`${pipelineId}\` has no exporters.`);
    }
  }

  for (const section of ['receivers', 'processors', 'exporters'] as const) {
    for (const id of Object.keys(defined.get(section)!)) {
      if (!used.has(`${section}:${id}`)) {
        findings.add('unused-component', [section, id], `The ${SECTION_KIND[section]} \`${id}\` is defined but no pipeline uses it.`, {
          component: { kind: SECTION_KIND[section], id },
        });
      }
    }
  }
  for (const id of Object.keys(connectors)) checkConnector(findings, id, usages.get(id), known.get(`connectors:${id}`));
  return findings.items;
}

const describeUses = (uses: Map<string, string[]>) => list([...uses.values()].flat());

/**
 * The collector builds a connector for every signal pair between the pipelines it exports from
 * and those it receives into; a side with no supported partner fails at start, after
 * `otelcol validate` passed (collector #8866, #8721).
 */
function checkConnector(findings: Findings, id: string, usage: Usage | undefined, component: CatalogComponent | undefined): void {
  const path = ['connectors', id];
  const about = { component: { kind: 'connector' as const, id } };
  if (!usage) {
    findings.add('unused-component', path, `The connector \`${id}\` is defined but no pipeline uses it.`, about);
    return;
  }
  if (usage.asReceiver.size === 0) {
    findings.add(
      'connector-one-sided',
      path,
      `The connector \`${id}\` is an exporter of ${describeUses(usage.asExporter)} but no pipeline receives from it: the collector fails at start.`,
      about,
    );
    return;
  }
  if (usage.asExporter.size === 0) {
    findings.add(
      'connector-one-sided',
      path,
      `The connector \`${id}\` is a receiver of ${describeUses(usage.asReceiver)} but no pipeline exports to it: the collector fails at start.`,
      about,
    );
    return;
  }
  if (!component) return;
  const pairs = connectorPairSet(component);
  const supported = [...pairs].join(', ');
  for (const [from, pipelines] of usage.asExporter) {
    if ([...usage.asReceiver.keys()].some((to) => pairs.has(`${from}→${to}`))) continue;
    findings.add(
      'connector-unsupported-signals',
      path,
      `The connector \`${id}\` takes ${from} from ${list(pipelines)} but feeds only ${[...usage.asReceiver.keys()].join(', ')} pipelines; it joins ${supported || 'no signals'}.`,
      about,
    );
  }
  for (const [to, pipelines] of usage.asReceiver) {
    if ([...usage.asExporter.keys()].some((from) => pairs.has(`${from}→${to}`))) continue;
    findings.add(
      'connector-unsupported-signals',
      path,
      `The connector \`${id}\` feeds ${to} into ${list(pipelines)} but receives only ${[...usage.asExporter.keys()].join(', ')}; it joins ${supported || 'no signals'}.`,
      about,
    );
  }
}

/** The section a component kind lives in. */
export function sectionOf(kind: ComponentKind): ComponentSection {
  return KIND_SECTION[kind];
}
