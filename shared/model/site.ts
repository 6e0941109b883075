import { z } from 'zod';
import { elementHead } from './common.js';

export const Provider = z.enum(['aws', 'azure', 'gcp', 'onprem']);
export type Provider = z.infer<typeof Provider>;

export const Site = z
  .object({
    ...elementHead('site'),
    provider: Provider.meta({
      description: 'Cloud or on-premises: picks the internal load balancer annotations, the VM resource detectors and the x-source-cloud header.',
    }),
    region: z.string().min(1).meta({
      description: 'Cloud region (us-east-1, westeurope, europe-west1) or data-centre name; sent as x-source-region and used in Cloud Run and Lambda deploy commands.',
    }),
    zone: z.string().min(1).optional().meta({ description: "Data-residency zone (eu, us...) that the policy's dataResidency rules name." }),
    cidrs: z
      .array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'an IPv4 CIDR such as 10.0.0.0/16'))
      .optional()
      .meta({ description: 'IPv4 ranges of the site; NetworkPolicies of receiving collectors admit them (0.0.0.0/0 where absent).' }),
  })
  .strict()
  .meta({ description: 'A cloud region or data centre, drawn as a frame around its clusters.' });
export type Site = z.infer<typeof Site>;
