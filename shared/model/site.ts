import { z } from 'zod';
import { ElementId } from './common.js';

export const Provider = z.enum(['aws', 'azure', 'gcp', 'onprem']);
export type Provider = z.infer<typeof Provider>;

/** A cloud region or data centre, drawn as a frame around its clusters. */
export const Site = z
  .object({
    kind: z.literal('site'),
    id: ElementId,
    /** Display name; the id is used where absent. */
    label: z.string().optional(),
    provider: Provider,
    /** Cloud region (`us-east-1`, `westeurope`, `europe-west1`) or data-centre name. */
    region: z.string().min(1),
    /**
     * Data-residency zone the site belongs to (`eu`, `us`, ...), checked against
     * `policy.dataResidency`.
     */
    zone: z.string().min(1).optional(),
    /** Network ranges of the site, used to open NetworkPolicies to remote senders. */
    cidrs: z.array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'an IPv4 CIDR such as 10.0.0.0/16')).optional(),
  })
  .strict();
export type Site = z.infer<typeof Site>;
