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

/**
 * A secret never stored in the topology: the collector reads it from the environment variable
 * `env` (emitted as `${env:NAME}`), which Kubernetes fills from `secret.name` / `secret.key`.
 */
/** A key of a Kubernetes Secret. */
export const SecretKey = z.object({ name: z.string().min(1), key: z.string().min(1) }).strict();
export type SecretKey = z.infer<typeof SecretKey>;

/** An environment variable name, as the collector's `${env:NAME}` reads it. */
export const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

export const SecretRef = z
  .object({
    env: EnvName,
    secret: SecretKey.optional(),
  })
  .strict();
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
  z.object({ secret: SecretKey }).strict(),
  z.object({ field: z.string().min(1) }).strict(),
]);
export type EnvValue = z.infer<typeof EnvValue>;

/** Raw collector configuration merged over what the engine generates (maps merge, lists replace). */
export const RawConfig = z.record(z.string(), z.unknown());
export type RawConfig = z.infer<typeof RawConfig>;

export const ComputeResources = z
  .object({
    cpu: CpuQuantity.optional(),
    memory: MemoryQuantity.optional(),
  })
  .strict();

/** Container resources. @default requests 100m / 256Mi, limits 1 / 512Mi */
export const Resources = z
  .object({
    requests: ComputeResources.default({ cpu: '100m', memory: '256Mi' }),
    limits: ComputeResources.default({ cpu: '1', memory: '512Mi' }),
  })
  .strict();
export type Resources = z.infer<typeof Resources>;

/** A `<type>` or `<type>/<name>` component id, as the collector writes it. */
export function componentId(type: string, name?: string): string {
  return name ? `${type}/${name}` : type;
}
