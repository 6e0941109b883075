import type { OtlpReceiver, Receiver } from '../../model/collector.js';
import type { z } from 'zod';
import {
  HEALTH_CHECK_PORT,
  HOST_ROOT_MOUNT,
  METRICS_PORT,
  NODE_NAME_ENV,
  OTLP_GRPC_PORT,
  OTLP_HTTP_PORT,
  POD_IP_ENV,
  envReference,
  tlsFile,
} from '../conventions.js';
import { canonicalType, componentSignals, emittedId, mergeConfig, type EmittedComponent } from './components.js';
import { isMultiInstance } from '../../graph/topology-index.js';
import { isCrossSite, runsInPod, type CollectorContext } from './context.js';

type OtlpReceiverModel = z.infer<typeof OtlpReceiver>;

/**
 * The address a collector's servers bind: the pod IP in pods (the Helm chart's convention: it is
 * reachable from outside the pod, unlike the default localhost), every interface on VMs and Cloud
 * Run, localhost where only the function next door sends (Lambda).
 */
export function bindAddress(context: CollectorContext, requested = 'auto'): string {
  if (requested !== 'auto') return requested;
  switch (context.mode) {
    case 'lambda-layer':
      return 'localhost';
    case 'knative':
    case 'systemd':
      return '0.0.0.0';
    case 'sidecar':
      return 'localhost';
    default:
      return envReference(POD_IP_ENV);
  }
}

/** Defaults that make the common receivers work in the place the engine deploys them. */
function receiverDefaults(type: string, context: CollectorContext): Record<string, unknown> {
  const inPod = runsInPod(context.mode);
  switch (type) {
    case 'host_metrics':
      return {
        collection_interval: '30s',
        ...(inPod ? { root_path: HOST_ROOT_MOUNT } : {}),
        scrapers: { cpu: {}, memory: {}, load: {}, disk: {}, filesystem: {}, network: {} },
      };
    case 'kubelet_stats':
      return {
        collection_interval: '30s',
        auth_type: 'serviceAccount',
        endpoint: `https://${envReference(NODE_NAME_ENV)}:10250`,
        insecure_skip_verify: true,
      };
    case 'file_log':
      return {
        include: ['/var/log/pods/*/*/*.log'],
        exclude: [`/var/log/pods/${context.cluster?.namespace ?? 'observability'}_${context.collector.id}*_*/*/*.log`],
        start_at: 'end',
        include_file_path: true,
        include_file_name: false,
        operators: [{ type: 'container', id: 'container-parser' }],
      };
    case 'k8s_cluster':
      return { collection_interval: '30s' };
    case 'prometheus':
      return {
        config: {
          scrape_configs: [
            { job_name: 'otel-collector', scrape_interval: '30s', static_configs: [{ targets: [`${bindAddress(context)}:${METRICS_PORT}`] }] },
          ],
        },
      };
    default:
      return {};
  }
}

function otlpBody(receiver: OtlpReceiverModel, context: CollectorContext): Record<string, unknown> {
  const host = bindAddress(context, receiver.bind);
  // Cloud Run terminates TLS in front of the container: the receiver itself speaks plain text.
  const serverTls = context.mode === 'knative' ? undefined : context.collector.tls;
  const tls = serverTls && {
    cert_file: tlsFile(serverTls.certSecret, 'tls.crt'),
    key_file: tlsFile(serverTls.certSecret, 'tls.key'),
    ...(serverTls.clientCaSecret ? { client_ca_file: tlsFile(serverTls.clientCaSecret, 'ca.crt') } : {}),
  };
  // Source headers only become attributes if the receiver keeps the request metadata.
  const keepsMetadata = context.incoming.some(
    (flow) => flow.sourceHeaders ?? isCrossSite(context.index, flow),
  );
  // Behind an L4 load balancer a gRPC connection sticks to one replica; closing connections
  // now and then lets clients spread again (collector #4274).
  const rebalances = context.collector.role === 'gateway' && isMultiInstance(context.collector, context.cluster);
  const protocols: Record<string, unknown> = {};
  if (receiver.protocols.includes('grpc')) {
    protocols.grpc = {
      endpoint: `${host}:${OTLP_GRPC_PORT}`,
      ...(tls ? { tls } : {}),
      ...(keepsMetadata ? { include_metadata: true } : {}),
      ...(rebalances ? { keepalive: { server_parameters: { max_connection_age: '60s', max_connection_age_grace: '10s' } } } : {}),
    };
  }
  if (receiver.protocols.includes('http')) {
    protocols.http = {
      endpoint: `${host}:${OTLP_HTTP_PORT}`,
      ...(tls ? { tls } : {}),
      ...(keepsMetadata ? { include_metadata: true } : {}),
    };
  }
  return mergeConfig({ protocols }, receiver.config);
}

export function emitReceivers(context: CollectorContext): EmittedComponent[] {
  return context.collector.receivers.map((receiver: Receiver) => {
    const id = emittedId('receiver', receiver.type, context.version, receiver.name);
    if (receiver.type === 'otlp') {
      return { id, body: otlpBody(receiver as OtlpReceiverModel, context), signals: ['traces', 'metrics', 'logs'], origin: context.collector.id };
    }
    const type = canonicalType('receiver', receiver.type);
    return {
      id,
      body: mergeConfig(receiverDefaults(type, context), receiver.config),
      signals: componentSignals('receiver', receiver.type),
      origin: context.collector.id,
    };
  });
}

/** Ports the collector's OTLP receivers listen on, for Services and probes. */
export function receiverPorts(context: CollectorContext): Array<{ name: string; port: number }> {
  const protocols = new Set(
    context.collector.receivers.flatMap((receiver) => (receiver.type === 'otlp' ? (receiver as OtlpReceiverModel).protocols : [])),
  );
  return [
    ...(protocols.has('grpc') ? [{ name: 'otlp-grpc', port: OTLP_GRPC_PORT }] : []),
    ...(protocols.has('http') ? [{ name: 'otlp-http', port: OTLP_HTTP_PORT }] : []),
  ];
}

export { HEALTH_CHECK_PORT };
