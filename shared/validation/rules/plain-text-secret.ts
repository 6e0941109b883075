import type { Backend } from '../../model/backend.js';
import type { Collector } from '../../model/collector.js';
import type { SecretRef, SecretValue } from '../../model/common.js';
import type { ControlPlane } from '../../model/control-plane.js';
import type { Flow } from '../../model/flow.js';
import type { Diagnostic } from '../diagnostic.js';
import { diagnose, updateElement, type Rule } from '../rule.js';

/** Whether a header or variable name usually holds a credential. */
export function looksSecret(name: string): boolean {
  const normalized = name.toLowerCase().replace(/_/g, '-');
  return (
    ['authorization', 'proxy-authorization', 'token', 'apikey'].includes(normalized) ||
    normalized.endsWith('-key') ||
    normalized.endsWith('-token') ||
    /(^|-)(api|access|private|secret|license|ingest|auth)-?key(-|$)/.test(normalized) ||
    /secret|password|passwd|credential/.test(normalized)
  );
}

/** A literal that is not already an `${env:...}` / `${file:...}` reference. */
function isLiteral(value: SecretValue | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '' && !/\$\{(env|file):/.test(value);
}

/** `gw-eu` + `x-api-key` → `GW_EU_X_API_KEY`. */
export function envName(...parts: string[]): string {
  const name = parts.join('_').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Z_]/.test(name) ? name : `_${name}`;
}

/** Kubernetes Secret names are DNS-1123 subdomains. */
function secretName(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'otel-secrets';
}

function secretRef(elementId: string, key: string): SecretRef {
  return { env: envName(elementId, key), secret: { name: secretName(elementId), key: key.toLowerCase() } };
}

const ADVICE = 'Anyone who can read the topology file, the generated ConfigMap or the repository can read it.';

export const plainTextSecret: Rule = {
  id: 'plain-text-secret',
  description:
    'A credential written as a literal in the topology (connection string, API key or token header, OpAMP token, secret-looking environment variable), where it ends up in files and ConfigMaps.',
  severity: 'error',
  check({ topology }) {
    const diagnostics: Diagnostic[] = [];
    topology.elements.forEach((element, position) => {
      const headerFindings = (headers: Record<string, SecretValue> | undefined, owner: string) =>
        Object.entries(headers ?? {})
          .filter(([name, value]) => looksSecret(name) && isLiteral(value))
          .map(([name]) => {
            const ref = secretRef(element.id, name);
            return diagnose(
              plainTextSecret,
              topology,
              [element.id],
              `Header '${name}' of ${owner} is written in plain text. ${ADVICE} ` +
                `Reference a Secret instead: the collector reads it from \${env:${ref.env}}, filled from Secret '${ref.secret!.name}' key '${ref.secret!.key}' (create that Secret).`,
              {
                path: ['elements', position, 'headers', name],
                fix: updateElement<Flow | Backend>(`Read '${name}' from Secret '${ref.secret!.name}'`, element.id, (current) => ({
                  ...current,
                  headers: { ...('headers' in current ? current.headers : {}), [name]: ref },
                }) as Flow | Backend),
              },
            );
          });
      switch (element.kind) {
        case 'flow':
          diagnostics.push(...headerFindings(element.headers, `flow '${element.id}'`));
          break;
        case 'backend':
          if ('headers' in element) diagnostics.push(...headerFindings(element.headers, `backend '${element.id}'`));
          if (element.type === 'azuremonitor' && isLiteral(element.connectionString)) {
            const ref = secretRef(element.id, 'connection-string');
            diagnostics.push(
              diagnose(
                plainTextSecret,
                topology,
                [element.id],
                `The connection string of Azure Monitor backend '${element.id}' is written in plain text; it holds the ingestion key. ${ADVICE} ` +
                  `Reference a Secret instead: \${env:${ref.env}}, filled from Secret '${ref.secret!.name}' key '${ref.secret!.key}' (create that Secret).`,
                {
                  path: ['elements', position, 'connectionString'],
                  fix: updateElement<Backend>(`Read the connection string from Secret '${ref.secret!.name}'`, element.id, (current) => ({
                    ...current,
                    connectionString: ref,
                  }) as Backend),
                },
              ),
            );
          }
          break;
        case 'controlPlane':
          if (isLiteral(element.token)) {
            const ref = secretRef(element.id, 'token');
            diagnostics.push(
              diagnose(
                plainTextSecret,
                topology,
                [element.id],
                `The token of control plane '${element.id}' is written in plain text; every collector it manages would carry it in its config. ${ADVICE} ` +
                  `Reference a Secret instead: \${env:${ref.env}}, filled from Secret '${ref.secret!.name}' key '${ref.secret!.key}' (create that Secret).`,
                {
                  path: ['elements', position, 'token'],
                  fix: updateElement<ControlPlane>(`Read the token from Secret '${ref.secret!.name}'`, element.id, (current) => ({ ...current, token: ref })),
                },
              ),
            );
          }
          break;
        case 'collector':
          for (const [name, value] of Object.entries(element.env ?? {})) {
            if (!looksSecret(name) || typeof value !== 'string' || !isLiteral(value)) continue;
            const secret = { name: secretName(element.id), key: name.toLowerCase().replace(/_/g, '-') };
            diagnostics.push(
              diagnose(
                plainTextSecret,
                topology,
                [element.id],
                `Environment variable ${name} of collector '${element.id}' looks like a credential and is written in plain text: it lands in the generated manifest. ${ADVICE} ` +
                  `Read it from a Secret instead: Secret '${secret.name}' key '${secret.key}' (create that Secret).`,
                {
                  path: ['elements', position, 'env', name],
                  fix: updateElement<Collector>(`Read ${name} from Secret '${secret.name}'`, element.id, (current) => ({
                    ...current,
                    env: { ...current.env, [name]: { secret } },
                  })),
                },
              ),
            );
          }
          break;
        default:
          break;
      }
    });
    return diagnostics;
  },
};
