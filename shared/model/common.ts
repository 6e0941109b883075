import { z } from 'zod';

/** Telemetry signals a flow or pipeline carries. */
export const Signal = z.enum(['traces', 'metrics', 'logs']);
export type Signal = z.infer<typeof Signal>;
export const SIGNALS: readonly Signal[] = Signal.options;

/**
 * Every element has an id unique in the topology. Ids become Kubernetes object names and
 * collector component names, so they should be DNS-1123 labels; the `invalid-name` rule says
 * so (with a quick fix) instead of refusing to load the file.
 */
export const ElementId = z.string().min(1, 'an id cannot be empty');

/** The fields every element starts with: its `kind`, its id and its display name. */
export function elementHead<const K extends string>(kind: K) {
  return {
    kind: z.literal(kind).meta({ description: 'Element kind.' }),
    id: ElementId.meta({
      description: 'Unique in the topology; names the Kubernetes objects and collector components, so a DNS-1123 label (a-z, 0-9, -).',
    }),
    label: z.string().min(1).optional().meta({ description: 'Display name on the canvas; the id where absent.' }),
  };
}

/** A Go duration as the collector reads it: `200ms`, `5s`, `1m30s`. */
export const Duration = z
  .string()
  .regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'a duration such as 200ms, 5s or 1m30s');

/** A Kubernetes CPU quantity: `250m`, `1`, `0.5`. */
export const CpuQuantity = z.string().regex(/^\d+(\.\d+)?m?$/, 'a CPU quantity such as 250m or 2');
/** A Kubernetes memory quantity: `512Mi`, `2Gi`. */
export const MemoryQuantity = z
  .string()
  .regex(/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/, 'a memory quantity such as 512Mi or 2Gi');

export const SecretKey = z
  .object({
    name: z.string().min(1).meta({ description: 'Name of the Kubernetes Secret.' }),
    key: z.string().min(1).meta({ description: 'Key in the Secret whose value is used.' }),
  })
  .strict()
  .meta({ description: 'A key of a Kubernetes Secret.' });
export type SecretKey = z.infer<typeof SecretKey>;

/** An environment variable name, as the collector's `${env:NAME}` reads it. */
export const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

/**
 * A secret never stored in the topology: the collector reads it from the environment variable
 * `env` (emitted as `${env:NAME}`), which Kubernetes fills from `secret.name` / `secret.key`.
 */
export const SecretRef = z
  .object({
    env: EnvName.meta({ description: 'Environment variable the collector reads the value from, written as ${env:NAME} in its config.' }),
    secret: SecretKey.optional().meta({
      description: 'Kubernetes Secret key that fills the variable; where absent, the variable is listed in the README for you to provide.',
    }),
  })
  .strict()
  .meta({ description: 'A secret kept out of the topology: read from an environment variable, filled from a Kubernetes Secret.' });
export type SecretRef = z.infer<typeof SecretRef>;

/** A value that may be secret: a literal (flagged by `plain-text-secret` where it matters) or a reference. */
export const SecretValue = z.union([z.string(), SecretRef]);
export type SecretValue = z.infer<typeof SecretValue>;

/**
 * The value of an environment variable the collector runs with: a literal, a key of a Kubernetes
 * Secret (`{ secret: { name, key } }`, the value never in the topology), or a field of its pod
 * (`{ field: metadata.name }`, Kubernetes only).
 */
export const EnvValue = z.union([
  z.string(),
  z
    .object({ secret: SecretKey.meta({ description: 'Secret and key the value comes from.' }) })
    .strict()
    .meta({ description: 'The value of a Kubernetes Secret key.' }),
  z
    .object({ field: z.string().min(1).meta({ description: 'Pod field path: metadata.name, status.podIP, spec.nodeName...' }) })
    .strict()
    .meta({ description: "A field of the collector's pod (Kubernetes only)." }),
]);
export type EnvValue = z.infer<typeof EnvValue>;

/** Raw collector configuration merged over what the engine generates (maps merge, lists replace). */
export const RawConfig = z.record(z.string(), z.unknown());
export type RawConfig = z.infer<typeof RawConfig>;

export const ComputeResources = z
  .object({
    cpu: CpuQuantity.optional().meta({ description: 'CPU in Kubernetes units: 250m, 1, 0.5.' }),
    memory: MemoryQuantity.optional().meta({ description: 'Memory in Kubernetes units: 512Mi, 2Gi.' }),
  })
  .strict();

/** Container resources. */
export const Resources = z
  .object({
    requests: ComputeResources.default({ cpu: '100m', memory: '256Mi' }).meta({
      description: 'CPU and memory reserved for the container when it is scheduled. Default 100m and 256Mi.',
    }),
    limits: ComputeResources.default({ cpu: '1', memory: '512Mi' }).meta({
      description: 'Most CPU and memory the container may use; GOMEMLIMIT is set to 80% of the memory limit. Default 1 and 512Mi.',
    }),
  })
  .strict();
export type Resources = z.infer<typeof Resources>;

/** A `<type>` or `<type>/<name>` component id, as the collector writes it. */
export function componentId(type: string, name?: string): string {
  return name ? `${type}/${name}` : type;
}
