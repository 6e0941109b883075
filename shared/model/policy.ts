import { z } from 'zod';
import { Distribution } from './collector.js';

export const ResidencyRule = z
  .object({
    /** Telemetry produced in this zone... */
    zone: z.string().min(1),
    /** ...must never reach these zones. */
    mustNotReach: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** Topology-wide rules and targets. */
export const Policy = z
  .object({
    /** Collector version the configs are generated for. @default "0.158.0" */
    collectorVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as 0.158.0 (no "v")').default('0.158.0'),
    /** @default "contrib" */
    distribution: Distribution.default('contrib'),
    /** @default [] */
    dataResidency: z.array(ResidencyRule).default([]),
    /** Cross-site flows must use TLS even over encrypted links. @default false */
    requireTlsAcrossSites: z.boolean().default(false),
    /** Monthly egress budget in USD. */
    monthlyBudgetUsd: z.number().nonnegative().optional(),
  })
  .strict();
export type Policy = z.infer<typeof Policy>;
