import { z } from 'zod';

/** Where an element sits on the canvas: layout, kept apart from configuration. */
export const Placement = z
  .object({
    x: z.number(),
    y: z.number(),
    width: z.number().positive().optional(),
    height: z.number().positive().optional(),
  })
  .strict();
export type Placement = z.infer<typeof Placement>;

export const Layout = z.record(z.string(), Placement);
export type Layout = z.infer<typeof Layout>;
