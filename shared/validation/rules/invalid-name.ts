import { renameElement, unusedId } from '../../graph/network.js';
import type { Topology } from '../../model/topology.js';
import { diagnose, updateElement, type Rule } from '../rule.js';
import type { Cluster } from '../../model/cluster.js';

const MAX_LABEL = 63;
/** Collectors also name `<id>-headless` and `<id>-external` Services: the id leaves room for the suffix. */
const SERVICE_SUFFIX = '-headless'.length;
const MAX_COLLECTOR_ID = MAX_LABEL - SERVICE_SUFFIX;

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Why a name is not a DNS-1123 label (at most `max` characters), or undefined when it is one. */
export function dnsLabelProblem(name: string, max = MAX_LABEL): string | undefined {
  if (name.length > max) return `is ${name.length} characters long (at most ${max})`;
  if (!DNS_1123_LABEL.test(name)) {
    return 'must be lowercase letters, digits and "-", starting and ending with a letter or digit';
  }
  return undefined;
}

/** The closest DNS-1123 label to a name: `Gateway_EU` → `gateway-eu`. */
export function slugify(name: string, max = MAX_LABEL, fallback = 'x'): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || fallback;
}

function collectorProblem(id: string): string | undefined {
  // Service names are DNS-1035 labels: they also start with a letter.
  return dnsLabelProblem(id, MAX_COLLECTOR_ID) ?? (/^[a-z]/.test(id) ? undefined : 'must start with a letter (it names a Kubernetes Service)');
}

function collectorSlug(id: string): string {
  const slug = slugify(id, MAX_COLLECTOR_ID, 'collector');
  return /^[a-z]/.test(slug) ? slug : slugify(`otel-${slug}`, MAX_COLLECTOR_ID);
}

export const invalidName: Rule = {
  id: 'invalid-name',
  description:
    'Ids become Kubernetes object names and collector component names, so they must be DNS-1123 labels; so must cluster namespaces.',
  severity: 'error',
  check({ topology }) {
    const renamed = new Set<string>();
    return topology.elements.flatMap((element, position) => {
      const diagnostics = [];
      const isCollector = element.kind === 'collector';
      const idProblem = isCollector ? collectorProblem(element.id) : dnsLabelProblem(element.id);
      if (idProblem) {
        const proposed = isCollector ? collectorSlug(element.id) : slugify(element.id, MAX_LABEL, element.kind.toLowerCase());
        const newId = unusedId(topology, proposed, renamed);
        renamed.add(newId);
        const oldId = element.id;
        diagnostics.push(
          diagnose(
            invalidName,
            topology,
            [element.id],
            `The id '${element.id}' ${idProblem}: it becomes a Kubernetes name and a collector component name. Rename it, for example to '${newId}'.`,
            {
              path: ['elements', position, 'id'],
              fix: { title: `Rename '${oldId}' to '${newId}' everywhere`, apply: (current: Topology) => renameElement(current, oldId, newId) },
            },
          ),
        );
      }
      if (element.kind === 'cluster') {
        const namespaceProblem = dnsLabelProblem(element.namespace);
        if (namespaceProblem) {
          const namespace = slugify(element.namespace, MAX_LABEL, 'observability');
          diagnostics.push(
            diagnose(
              invalidName,
              topology,
              [element.id],
              `The namespace '${element.namespace}' of cluster '${element.id}' ${namespaceProblem}, so Kubernetes rejects it. Use '${namespace}'.`,
              {
                path: ['elements', position, 'namespace'],
                fix: updateElement<Cluster>(`Use namespace '${namespace}'`, element.id, (cluster) => ({ ...cluster, namespace })),
              },
            ),
          );
        }
      }
      return diagnostics;
    });
  },
};
