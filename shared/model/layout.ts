import { z } from 'zod';

/** Where an element sits on the canvas: layout, kept apart from configuration. */
export const Placement = z
  .object({
    x: z.number().meta({ description: 'Horizontal position in pixels, from the left of the frame the element is in (or of the canvas).' }),
    y: z.number().meta({ description: 'Vertical position in pixels, from the top of the frame the element is in (or of the canvas).' }),
    width: z.number().positive().optional().meta({ description: 'Width in pixels of a site or cluster frame, if resized.' }),
    height: z.number().positive().optional().meta({ description: 'Height in pixels of a site or cluster frame, if resized.' }),
  })
  .strict();
export type Placement = z.infer<typeof Placement>;

export const Layout = z.record(z.string(), Placement);
export type Layout = z.infer<typeof Layout>;
