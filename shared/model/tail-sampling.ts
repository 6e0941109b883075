import { z } from 'zod';
import { Duration } from './common.js';

const basePolicy = { name: z.string().min(1).meta({ description: 'Name of the policy, unique in the processor.' }) };
const policyType = <const T extends string>(type: T) => z.literal(type).meta({ description: 'Policy type.' });

const leafPolicies = [
  z
    .object({ ...basePolicy, type: policyType('always_sample') })
    .strict()
    .meta({ description: 'Samples every trace.' }),
  z
    .object({
      ...basePolicy,
      type: policyType('latency'),
      thresholdMs: z.number().int().positive().meta({ description: 'Traces that last at least this long are sampled, in milliseconds.' }),
    })
    .strict()
    .meta({ description: 'Samples slow traces.' }),
  z
    .object({
      ...basePolicy,
      type: policyType('status_code'),
      statusCodes: z.array(z.enum(['ERROR', 'OK', 'UNSET'])).min(1).meta({ description: 'Traces with a span of one of these statuses are sampled.' }),
    })
    .strict()
    .meta({ description: 'Samples traces by span status (errors).' }),
  z
    .object({
      ...basePolicy,
      type: policyType('string_attribute'),
      key: z.string().min(1).meta({ description: 'Span or resource attribute compared.' }),
      values: z.array(z.string()).min(1).meta({ description: 'Values that match, exactly.' }),
      invertMatch: z.boolean().optional().meta({ description: 'Sample the traces that do not match instead. Default false.' }),
    })
    .strict()
    .meta({ description: 'Samples traces with an attribute of one of the given values.' }),
  z
    .object({
      ...basePolicy,
      type: policyType('numeric_attribute'),
      key: z.string().min(1).meta({ description: 'Span or resource attribute compared.' }),
      minValue: z.number().optional().meta({ description: 'Lowest value that matches (inclusive).' }),
      maxValue: z.number().optional().meta({ description: 'Highest value that matches (inclusive).' }),
    })
    .strict()
    .meta({ description: 'Samples traces with a numeric attribute in a range.' }),
  z
    .object({
      ...basePolicy,
      type: policyType('probabilistic'),
      samplingPercentage: z.number().min(0).max(100).meta({ description: 'Share of traces sampled, in percent, chosen by trace id.' }),
    })
    .strict()
    .meta({ description: 'Samples a fixed share of traces.' }),
  z
    .object({
      ...basePolicy,
      type: policyType('rate_limiting'),
      spansPerSecond: z.number().int().positive().meta({ description: 'Most spans per second this policy samples.' }),
    })
    .strict()
    .meta({ description: 'Samples traces up to a span rate.' }),
  z
    .object({
      ...basePolicy,
      type: policyType('ottl_condition'),
      spanConditions: z.array(z.string()).min(1).meta({ description: 'OTTL span conditions; a trace with a span matching any of them is sampled.' }),
    })
    .strict()
    .meta({ description: 'Samples traces by OTTL conditions on their spans.' }),
] as const;

export const LeafSamplingPolicy = z.discriminatedUnion('type', [...leafPolicies]);
export type LeafSamplingPolicy = z.infer<typeof LeafSamplingPolicy>;

export const AndSamplingPolicy = z
  .object({
    ...basePolicy,
    type: policyType('and'),
    policies: z.array(LeafSamplingPolicy).min(2).meta({ description: 'Sub-policies that must all sample the trace.' }),
  })
  .strict()
  .meta({ description: 'Samples a trace only when every sub-policy does (errors AND production).' });

export const CompositeSamplingPolicy = z
  .object({
    ...basePolicy,
    type: policyType('composite'),
    maxTotalSpansPerSecond: z.number().int().positive().meta({ description: 'Most spans per second sampled by all sub-policies together.' }),
    policies: z
      .array(
        z
          .object({
            policy: LeafSamplingPolicy.meta({ description: 'The sub-policy.' }),
            percent: z.number().min(0).max(100).meta({ description: 'Its share of maxTotalSpansPerSecond, in percent.' }),
          })
          .strict(),
      )
      .min(1)
      .meta({ description: 'Sub-policies in priority order, each with its share of the span budget.' }),
  })
  .strict()
  .meta({ description: 'Sub-policies sharing a span budget (cost-aware sampling).' });

export const SamplingPolicy = z.discriminatedUnion('type', [...leafPolicies, AndSamplingPolicy, CompositeSamplingPolicy]);
export type SamplingPolicy = z.infer<typeof SamplingPolicy>;

export const TailSamplingSettings = {
  decisionWait: Duration.default('10s').meta({ description: "Time from a trace's first span to the sampling decision. Default 10s." }),
  numTraces: z.number().int().positive().default(50000).meta({ description: 'Traces held in memory awaiting a decision. Default 50000.' }),
  expectedNewTracesPerSec: z.number().int().positive().optional().meta({ description: 'Expected new traces per second, to size the processor up front.' }),
  policies: z.array(SamplingPolicy).min(1).meta({ description: 'Sampling policies; a trace is kept when any of them samples it.' }),
};
