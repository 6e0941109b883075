import { signalsOf } from '../../catalog/catalog.js';
import { backendExporterType } from '../../engine/collector/exporters.js';
import { removeElement } from '../../graph/network.js';
import { resolvedMode } from '../../graph/topology-index.js';
import type { Flow } from '../../model/flow.js';
import type { Topology } from '../../model/topology.js';
import type { QuickFix } from '../diagnostic.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

function dropSignals(flow: Flow, unsupported: readonly string[]): QuickFix {
  const kept = flow.signals.filter((signal) => !unsupported.includes(signal));
  return kept.length === 0
    ? { title: `Remove flow '${flow.id}'`, apply: (topology: Topology) => removeElement(topology, flow.id) }
    : updateElement<Flow>(`Stop sending ${unsupported.join(', ')} on '${flow.id}'`, flow.id, (current) => ({
        ...current,
        signals: current.signals.filter((signal) => !unsupported.includes(signal)),
      }));
}

export const flowSignalUnsupported: Rule = {
  id: 'flow-signal-unsupported',
  description:
    "A flow carries a signal its target cannot take: a backend whose exporter does not handle it, or a collector running as a Lambda layer, which nothing can send to.",
  severity: 'error',
  check({ topology, index }) {
    return index.flows.flatMap((flow) => {
      const position = topology.elements.indexOf(flow);
      const backend = index.backend(flow.to);
      if (backend) {
        const exporter = backendExporterType(backend);
        const supported = signalsOf('exporter', exporter);
        // Unknown to the catalog: the component rules report it, not this one.
        if (supported.length === 0) return [];
        const unsupported = flow.signals.filter((signal) => !supported.includes(signal));
        if (unsupported.length === 0) return [];
        return [
          diagnose(
            flowSignalUnsupported,
            topology,
            [flow.id, backend.id],
            `Flow '${flow.id}' sends ${unsupported.join(', ')} to backend '${backend.id}', but its exporter (${exporter}) takes only ${supported.join(', ')}: ` +
              `the collector refuses the pipeline and does not start. Send ${unsupported.join(', ')} to a backend that takes ${unsupported.length > 1 ? 'them' : 'it'}, and remove ${unsupported.length > 1 ? 'them' : 'it'} from this flow.`,
            { path: ['elements', position, 'signals'], fix: dropSignals(flow, unsupported) },
          ),
        ];
      }
      const collector = index.collector(flow.to);
      if (collector && resolvedMode(collector, index.clusterOf(collector)) === 'lambda-layer') {
        return [
          diagnose(
            flowSignalUnsupported,
            topology,
            [flow.id, collector.id],
            `Flow '${flow.id}' sends to '${collector.id}', which runs as a Lambda layer inside a function: it only receives from that function, and nothing outside can reach it. ` +
              `Send to a gateway instead, or remove the flow.`,
            { path: ['elements', position, 'to'], fix: { title: `Remove flow '${flow.id}'`, apply: (current) => removeElement(current, flow.id) } },
          ),
        ];
      }
      return [];
    });
  },
};
