import { z } from 'zod';
import { ElementId, SecretValue } from './common.js';

/** An OpAMP server; collectors naming it get the `opamp` extension (or a supervisor on VMs). */
export const ControlPlane = z
  .object({
    kind: z.literal('controlPlane'),
    id: ElementId,
    label: z.string().optional(),
    site: ElementId.optional(),
    /** WebSocket endpoint of the OpAMP server. */
    endpoint: z.string().regex(/^wss?:\/\/\S+$/, 'a ws:// or wss:// URL'),
    /** Bearer token sent as the Authorization header. */
    token: SecretValue.optional(),
    /** Let the server push configuration (the supervisor applies it on VMs). @default true */
    acceptsRemoteConfig: z.boolean().default(true),
  })
  .strict();
export type ControlPlane = z.infer<typeof ControlPlane>;
