import type { Topology } from '../../model/topology.js';
import { unusedId } from '../../graph/network.js';
import { KIND_NAMES } from '../../model/topology.js';
import { diagnose, type Rule } from '../rule.js';


/** Renames the element at one position only; references keep pointing at the first of the ids. */
function renameAt(topology: Topology, position: number, id: string): Topology {
  return {
    ...topology,
    elements: topology.elements.map((element, index) => (index === position ? { ...element, id } : element)),
  };
}

export const duplicateId: Rule = {
  id: 'duplicate-id',
  description: 'Two elements share an id: references to it are ambiguous and generated names collide.',
  severity: 'error',
  check({ topology }) {
    const first = new Map<string, number>();
    return topology.elements.flatMap((element, position) => {
      const original = first.get(element.id);
      if (original === undefined) {
        first.set(element.id, position);
        return [];
      }
      const kept = topology.elements[original]!;
      const newId = unusedId(topology, `${element.id}-${position + 1}`);
      return [
        diagnose(
          duplicateId,
          topology,
          [element.id],
          `The ${KIND_NAMES[element.kind]} at position ${position + 1} has the id '${element.id}', already used by the ${KIND_NAMES[kept.kind]} at position ${original + 1}. ` +
            `Ids must be unique (references resolve to the first one): rename one of them.`,
          {
            path: ['elements', position, 'id'],
            fix: {
              title: `Rename the second '${element.id}' to '${newId}'`,
              apply: (current) => renameAt(current, position, newId),
            },
          },
        ),
      ];
    });
  },
};
