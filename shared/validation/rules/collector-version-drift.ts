import type { Collector } from '../../model/collector.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

export const collectorVersionDrift: Rule = {
  id: 'collector-version-drift',
  description: "A collector pinned to a version other than the policy's: the fleet runs mixed versions, with different component names and defaults.",
  severity: 'warning',
  check({ topology, index }) {
    const target = topology.policy.collectorVersion;
    return index.collectors.flatMap((collector) => {
      if (collector.version === undefined || collector.version === target) return [];
      return [
        diagnose(
          collectorVersionDrift,
          topology,
          [collector.id],
          `Collector '${collector.id}' is pinned to version ${collector.version}, while the policy targets ${target}: its config is generated for ${collector.version} ` +
            `(component names and defaults differ between versions) and the fleet runs mixed versions. Remove the pin to follow the policy, or change the policy's collectorVersion.`,
          {
            path: ['elements', topology.elements.indexOf(collector), 'version'],
            fix: updateElement<Collector>(`Use the policy's version ${target} for '${collector.id}'`, collector.id, (current) => {
              const { version: _pinned, ...rest } = current;
              return rest;
            }),
          },
        ),
      ];
    });
  },
};
