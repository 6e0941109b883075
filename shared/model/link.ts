import { z } from 'zod';
import { ElementId, elementHead } from './common.js';

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

export const Link = z
  .object({
    ...elementHead('link'),
    from: ElementId.meta({ description: 'Site at one end (its id); links carry traffic both ways.' }),
    to: ElementId.meta({ description: 'Site at the other end (its id).' }),
    type: LinkType.meta({ description: 'Kind of connection; decides whether the link counts as encrypted where encrypted is absent.' }),
    bandwidthMbps: z.number().positive().optional().meta({ description: 'Bandwidth in Mbit/s, for reference: generation and rules do not read it.' }),
    latencyMs: z.number().nonnegative().optional().meta({ description: 'Latency in milliseconds, for reference: generation and rules do not read it.' }),
    encrypted: z.boolean().optional().meta({
      description: 'Whether the link encrypts traffic itself; where absent, VPN, VPC peering and private link do and the others (internet, Direct Connect...) do not.',
    }),
    egressCostPerGb: z.number().nonnegative().default(0.02).meta({
      description: 'Egress price in USD per GB leaving a site over this link; flows take the cheapest path, costed against the budget. Default 0.02.',
    }),
    toleratedOutageMinutes: z.number().nonnegative().default(15).meta({
      description: 'Longest outage, in minutes, that flows over this link must ride out without loss; their queues are checked against it. Default 15.',
    }),
  })
  .strict()
  .meta({ description: 'A network path between two sites.' });
export type Link = z.infer<typeof Link>;

const ENCRYPTED_BY_DEFAULT: ReadonlySet<LinkType> = new Set(['vpn-ipsec', 'vpc-peering', 'private-link']);

export function isLinkEncrypted(link: Link): boolean {
  return link.encrypted ?? ENCRYPTED_BY_DEFAULT.has(link.type);
}
