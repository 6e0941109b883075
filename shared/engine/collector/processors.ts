import type { KnownProcessor, Processor } from '../../model/collector.js';
import { KNOWN_PROCESSOR_TYPES } from '../../model/collector.js';
import type { LeafSamplingPolicy, SamplingPolicy } from '../../model/tail-sampling.js';
import { NODE_NAME_ENV } from '../conventions.js';
import { componentSignals, emittedId, mergeConfig, type EmittedComponent } from './components.js';
import type { CollectorContext } from './context.js';

type Of<T extends KnownProcessor['type']> = Extract<KnownProcessor, { type: T }>;

function leafPolicy(policy: LeafSamplingPolicy): Record<string, unknown> {
  const head = { name: policy.name, type: policy.type };
  switch (policy.type) {
    case 'always_sample':
      return head;
    case 'latency':
      return { ...head, latency: { threshold_ms: policy.thresholdMs } };
    case 'status_code':
      return { ...head, status_code: { status_codes: policy.statusCodes } };
    case 'string_attribute':
      return {
        ...head,
        string_attribute: { key: policy.key, values: policy.values, ...(policy.invertMatch ? { invert_match: true } : {}) },
      };
    case 'numeric_attribute':
      return {
        ...head,
        numeric_attribute: {
          key: policy.key,
          ...(policy.minValue !== undefined ? { min_value: policy.minValue } : {}),
          ...(policy.maxValue !== undefined ? { max_value: policy.maxValue } : {}),
        },
      };
    case 'probabilistic':
      return { ...head, probabilistic: { sampling_percentage: policy.samplingPercentage } };
    case 'rate_limiting':
      return { ...head, rate_limiting: { spans_per_second: policy.spansPerSecond } };
    case 'ottl_condition':
      return { ...head, ottl_condition: { error_mode: 'ignore', span: policy.spanConditions } };
  }
}

export function samplingPolicy(policy: SamplingPolicy): Record<string, unknown> {
  switch (policy.type) {
    case 'and':
      return { name: policy.name, type: 'and', and: { and_sub_policy: policy.policies.map(leafPolicy) } };
    case 'composite':
      return {
        name: policy.name,
        type: 'composite',
        composite: {
          max_total_spans_per_second: policy.maxTotalSpansPerSecond,
          policy_order: policy.policies.map(({ policy: sub }) => sub.name),
          composite_sub_policy: policy.policies.map(({ policy: sub }) => leafPolicy(sub)),
          rate_allocation: policy.policies.map(({ policy: sub, percent }) => ({ policy: sub.name, percent })),
        },
      };
    default:
      return leafPolicy(policy);
  }
}

const attributeAction = (action: Of<'attributes'>['actions'][number]) => ({
  key: action.key,
  action: action.action,
  ...(action.value !== undefined ? { value: action.value } : {}),
  ...(action.fromAttribute ? { from_attribute: action.fromAttribute } : {}),
  ...(action.fromContext ? { from_context: action.fromContext } : {}),
});

/** Resource detectors that find something on each platform. */
export function platformDetectors(context: CollectorContext): string[] {
  switch (context.cluster?.platform) {
    case 'eks': return ['env', 'eks', 'ec2'];
    case 'aks': return ['env', 'aks', 'azure'];
    case 'gke': return ['env', 'gcp'];
    case 'cloudrun': return ['env', 'gcp'];
    case 'lambda': return ['env', 'lambda'];
    case 'kubernetes': return ['env', 'system'];
    default: {
      const provider = context.site?.provider;
      return ['env', ...(provider === 'aws' ? ['ec2'] : provider === 'azure' ? ['azure'] : provider === 'gcp' ? ['gcp'] : []), 'system'];
    }
  }
}

function knownProcessorBody(processor: KnownProcessor, context: CollectorContext): Record<string, unknown> {
  switch (processor.type) {
    case 'memory_limiter':
      return {
        check_interval: processor.checkInterval,
        limit_percentage: processor.limitPercentage,
        spike_limit_percentage: processor.spikeLimitPercentage,
      };
    case 'batch':
      return {
        timeout: processor.timeout,
        send_batch_size: processor.sendBatchSize,
        ...(processor.sendBatchMaxSize ? { send_batch_max_size: processor.sendBatchMaxSize } : {}),
      };
    case 'k8s_attributes':
      return {
        auth_type: 'serviceAccount',
        passthrough: processor.passthrough,
        // A DaemonSet agent only needs the pods of its own node.
        ...(context.mode === 'daemonset' ? { filter: { node_from_env_var: NODE_NAME_ENV } } : {}),
        ...(processor.passthrough ? {} : { extract: { metadata: processor.extractMetadata } }),
        pod_association: processor.podAssociation.map((source) => ({
          sources: [source === 'connection' ? { from: 'connection' } : { from: 'resource_attribute', name: source }],
        })),
      };
    case 'resource_detection':
      return {
        detectors: processor.detectors.flatMap((detector) => (detector === 'auto' ? platformDetectors(context) : [detector])),
        timeout: processor.timeout,
        override: processor.override,
      };
    case 'tail_sampling':
      return {
        decision_wait: processor.decisionWait,
        num_traces: processor.numTraces,
        ...(processor.expectedNewTracesPerSec ? { expected_new_traces_per_sec: processor.expectedNewTracesPerSec } : {}),
        policies: processor.policies.map(samplingPolicy),
      };
    case 'probabilistic_sampler':
      return { sampling_percentage: processor.samplingPercentage };
    case 'attributes':
      return { actions: processor.actions.map(attributeAction) };
    case 'resource':
      return { attributes: processor.attributes.map(attributeAction) };
    case 'filter':
      return {
        error_mode: processor.errorMode,
        ...(processor.spans ? { traces: { span: processor.spans } } : {}),
        ...(processor.metrics ? { metrics: { metric: processor.metrics } } : {}),
        ...(processor.logs ? { logs: { log_record: processor.logs } } : {}),
      };
  }
}

export function isKnownProcessor(processor: Processor): processor is KnownProcessor {
  return KNOWN_PROCESSOR_TYPES.includes(processor.type);
}

export function emitProcessors(context: CollectorContext): EmittedComponent[] {
  return context.collector.processors.map((processor) => ({
    id: emittedId('processor', processor.type, context.version, processor.name),
    body: isKnownProcessor(processor)
      ? knownProcessorBody(processor, context)
      : mergeConfig({}, (processor as { config?: Record<string, unknown> }).config),
    signals: componentSignals('processor', processor.type),
    origin: context.collector.id,
  }));
}
