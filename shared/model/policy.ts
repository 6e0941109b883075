import { z } from 'zod';
import { Distribution } from './collector.js';

export const ResidencyRule = z
  .object({
    zone: z.string().min(1).meta({ description: 'Zone the telemetry is produced in (a site zone).' }),
    mustNotReach: z.array(z.string().min(1)).min(1).meta({ description: 'Zones that telemetry from zone must never reach, over any chain of flows.' }),
  })
  .strict();

export const Policy = z
  .object({
    collectorVersion: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'a version such as 0.158.0 (no "v")')
      .default('0.158.0')
      .meta({ description: 'Collector version the configs, component names and images are for, unless a collector sets its own. Default 0.158.0.' }),
    distribution: Distribution.default('contrib').meta({
      description: 'Collector distribution (contrib, k8s, core): the image and the components available, unless a collector sets its own. Default contrib.',
    }),
    dataResidency: z.array(ResidencyRule).default([]).meta({ description: 'Data-residency rules: telemetry of a zone must not reach the zones listed.' }),
    requireTlsAcrossSites: z.boolean().default(false).meta({ description: 'Cross-site flows must use TLS even over links that encrypt. Default false.' }),
    monthlyBudgetUsd: z.number().nonnegative().optional().meta({
      description: 'Monthly egress budget in USD; the estimated cost of flows with a volume is checked against it.',
    }),
  })
  .strict()
  .meta({ description: 'Topology-wide rules and targets.' });
export type Policy = z.infer<typeof Policy>;
