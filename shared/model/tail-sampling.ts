import { z } from 'zod';
import { Duration } from './common.js';

const basePolicy = { name: z.string().min(1) };

const leafPolicies = [
  z.object({ ...basePolicy, type: z.literal('always_sample') }).strict(),
  z.object({ ...basePolicy, type: z.literal('latency'), thresholdMs: z.number().int().positive() }).strict(),
  z
    .object({
      ...basePolicy,
      type: z.literal('status_code'),
      statusCodes: z.array(z.enum(['ERROR', 'OK', 'UNSET'])).min(1),
    })
    .strict(),
  z
    .object({
      ...basePolicy,
      type: z.literal('string_attribute'),
      key: z.string().min(1),
      values: z.array(z.string()).min(1),
      invertMatch: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      ...basePolicy,
      type: z.literal('numeric_attribute'),
      key: z.string().min(1),
      minValue: z.number().optional(),
      maxValue: z.number().optional(),
    })
    .strict(),
  z
    .object({
      ...basePolicy,
      type: z.literal('probabilistic'),
      samplingPercentage: z.number().min(0).max(100),
    })
    .strict(),
  z
    .object({ ...basePolicy, type: z.literal('rate_limiting'), spansPerSecond: z.number().int().positive() })
    .strict(),
  z.object({ ...basePolicy, type: z.literal('ottl_condition'), spanConditions: z.array(z.string()).min(1) }).strict(),
] as const;

export const LeafSamplingPolicy = z.discriminatedUnion('type', [...leafPolicies]);
export type LeafSamplingPolicy = z.infer<typeof LeafSamplingPolicy>;

/** `and`: every sub-policy must sample (errors AND production). */
export const AndSamplingPolicy = z
  .object({ ...basePolicy, type: z.literal('and'), policies: z.array(LeafSamplingPolicy).min(2) })
  .strict();

/** `composite`: sub-policies share a span budget (cost-aware sampling). */
export const CompositeSamplingPolicy = z
  .object({
    ...basePolicy,
    type: z.literal('composite'),
    maxTotalSpansPerSecond: z.number().int().positive(),
    policies: z
      .array(z.object({ policy: LeafSamplingPolicy, percent: z.number().min(0).max(100) }).strict())
      .min(1),
  })
  .strict();

export const SamplingPolicy = z.discriminatedUnion('type', [...leafPolicies, AndSamplingPolicy, CompositeSamplingPolicy]);
export type SamplingPolicy = z.infer<typeof SamplingPolicy>;

export const TailSamplingSettings = {
  /** @default "10s" */
  decisionWait: Duration.default('10s'),
  /** @default 50000 */
  numTraces: z.number().int().positive().default(50000),
  expectedNewTracesPerSec: z.number().int().positive().optional(),
  policies: z.array(SamplingPolicy).min(1),
};
