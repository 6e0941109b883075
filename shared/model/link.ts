import { z } from 'zod';
import { ElementId } from './common.js';

export const LinkType = z.enum([
  'vpn-ipsec',
  'aws-direct-connect',
  'azure-expressroute',
  'gcp-interconnect',
  'vpc-peering',
  'private-link',
  'internet',
]);
export type LinkType = z.infer<typeof LinkType>;

/** A network path between two sites (undirected). */
export const Link = z
  .object({
    kind: z.literal('link'),
    id: ElementId,
    label: z.string().optional(),
    from: ElementId,
    to: ElementId,
    type: LinkType,
    bandwidthMbps: z.number().positive().optional(),
    latencyMs: z.number().nonnegative().optional(),
    /**
     * Whether the link encrypts traffic itself. Where absent: VPN, peering and private link do;
     * the internet, Direct Connect (without MACsec), ExpressRoute and Interconnect do not.
     */
    encrypted: z.boolean().optional(),
    /** Egress price in USD per GB leaving the sending site over this link. @default 0.02 */
    egressCostPerGb: z.number().nonnegative().default(0.02),
    /** Longest outage the flows over this link must ride out without losing data. @default 15 */
    toleratedOutageMinutes: z.number().nonnegative().default(15),
  })
  .strict();
export type Link = z.infer<typeof Link>;

const ENCRYPTED_BY_DEFAULT: ReadonlySet<LinkType> = new Set(['vpn-ipsec', 'vpc-peering', 'private-link']);

export function isLinkEncrypted(link: Link): boolean {
  return link.encrypted ?? ENCRYPTED_BY_DEFAULT.has(link.type);
}
