import { z } from 'zod';
import { ElementId, elementHead, SecretValue } from './common.js';

export const ControlPlane = z
  .object({
    ...elementHead('controlPlane'),
    site: ElementId.optional().meta({ description: "Site the OpAMP server is in (its id), drawn inside that site's frame." }),
    endpoint: z.string().regex(/^wss?:\/\/\S+$/, 'a ws:// or wss:// URL').meta({ description: 'WebSocket URL of the OpAMP server (ws:// or wss://).' }),
    token: SecretValue.optional().meta({ description: 'Bearer token sent in the Authorization header; use a secret reference.' }),
    acceptsRemoteConfig: z.boolean().default(true).meta({
      description: 'Let the server push configuration; applies to the OpAMP supervisor on VMs (the opamp extension in pods only reports). Default true.',
    }),
  })
  .strict()
  .meta({ description: 'An OpAMP server: collectors naming it get the opamp extension, or an OpAMP supervisor on VMs.' });
export type ControlPlane = z.infer<typeof ControlPlane>;
