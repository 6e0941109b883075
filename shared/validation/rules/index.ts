import { cloudRunEndpoint } from './cloud-run-endpoint.js';
import { envVarSyntax } from './env-var-syntax.js';
import { receiverBindAddress } from './receiver-bind-address.js';
import { queueStorageUndefined } from './queue-storage-undefined.js';
import { grpcClusteripPinning } from './grpc-clusterip-pinning.js';
import { spanMetricsBehindTraceLb } from './span-metrics-behind-trace-lb.js';
import { dnsResolverNonHeadless } from './dns-resolver-non-headless.js';
import { tailSamplingNeedsLoadBalancing } from './tail-sampling-needs-load-balancing.js';
import { k8sattributesPodAssociation } from './k8sattributes-pod-association.js';
import { k8sattributesOrder } from './k8sattributes-order.js';
import { batchLast } from './batch-last.js';
import { memoryLimiterFirst } from './memory-limiter-first.js';
import { collectorConfig } from './collector-config.js';
import { agentBypassesGateway } from './agent-bypasses-gateway.js';
import { collectorVersionDrift } from './collector-version-drift.js';
import { crossSiteReliability } from './cross-site-reliability.js';
import { danglingReference } from './dangling-reference.js';
import { dataResidency } from './data-residency.js';
import { duplicateId } from './duplicate-id.js';
import { egressOverBudget } from './egress-over-budget.js';
import { failoverTargetHidesFailures } from './failover-target-hides-failures.js';
import { flowCycle } from './flow-cycle.js';
import { flowSignalUnsupported } from './flow-signal-unsupported.js';
import { invalidName } from './invalid-name.js';
import { missingResourceLimits } from './missing-resource-limits.js';
import { noNetworkPath } from './no-network-path.js';
import { orphanCollector } from './orphan-collector.js';
import { plainTextSecret } from './plain-text-secret.js';
import { queueTooSmallForOutage } from './queue-too-small-for-outage.js';
import { singlePointOfFailure } from './single-point-of-failure.js';
import { tlsServerMissing } from './tls-server-missing.js';
import { unencryptedCrossSite } from './unencrypted-cross-site.js';
import type { Rule } from '../rule.js';

/** Every rule, in the order the problems panel groups them. Add a rule: one file, one line here. */
export const RULES: readonly Rule[] = [
  // --- topology, network, security, reliability (model-level rules) ---
  duplicateId,
  danglingReference,
  invalidName,
  noNetworkPath,
  flowCycle,
  orphanCollector,
  agentBypassesGateway,
  singlePointOfFailure,
  dataResidency,
  egressOverBudget,
  crossSiteReliability,
  queueTooSmallForOutage,
  failoverTargetHidesFailures,
  unencryptedCrossSite,
  tlsServerMissing,
  plainTextSecret,
  missingResourceLimits,
  flowSignalUnsupported,
  collectorVersionDrift,
  cloudRunEndpoint,
  // --- components, processors, scaling (rules over the generated collector configs) ---
  collectorConfig,
  memoryLimiterFirst,
  batchLast,
  k8sattributesOrder,
  k8sattributesPodAssociation,
  tailSamplingNeedsLoadBalancing,
  dnsResolverNonHeadless,
  spanMetricsBehindTraceLb,
  grpcClusteripPinning,
  queueStorageUndefined,
  receiverBindAddress,
  envVarSyntax,
];
