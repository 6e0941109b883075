import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { ElementNodeData } from '../projection.js';

/** A problem count on a node, coloured by the worst severity. */
export function ProblemBadge({ data }: { data: ElementNodeData }) {
  if (!data.severity) return null;
  const label = `${data.problemCount} ${data.problemCount === 1 ? 'problem' : 'problems'} (${data.severity})`;
  return (
    <span className={`problem-badge severity-${data.severity}`} role="status" aria-label={label} title={label}>
      {data.severity === 'error' ? '✖' : data.severity === 'warning' ? '▲' : 'i'} {data.problemCount}
    </span>
  );
}

/** A box on the canvas (collector, backend, control plane) with its flow handles. */
export function LeafShell(props: { data: ElementNodeData; kindClass: string; icon: string; source?: boolean; target?: boolean; children?: ReactNode }) {
  const { data } = props;
  return (
    <div className={`leaf-node ${props.kindClass}`}>
      {props.target !== false && <Handle type="target" id="in" position={Position.Left} aria-label={`Flow into ${data.element.id}`} />}
      <span className="node-icon" aria-hidden="true">{props.icon}</span>
      <span className="node-text">
        <span className="node-title">{data.title}</span>
        <span className="node-subtitle">{data.subtitle}</span>
      </span>
      <ProblemBadge data={data} />
      {props.source !== false && <Handle type="source" id="out" position={Position.Right} aria-label={`Flow from ${data.element.id}`} />}
    </div>
  );
}

/** A frame (site, cluster) drawn around its children. */
export function FrameShell(props: { data: ElementNodeData; kindClass: string; linkHandles?: boolean }) {
  const { data } = props;
  return (
    <div className={`frame-node ${props.kindClass}`}>
      {props.linkHandles && <Handle type="target" id="link-in" position={Position.Left} aria-label={`Link into ${data.element.id}`} />}
      <div className="frame-header">
        <span className="node-title">{data.title}</span>
        <span className="node-subtitle">{data.subtitle}</span>
        <ProblemBadge data={data} />
      </div>
      {props.linkHandles && <Handle type="source" id="link-out" position={Position.Right} aria-label={`Link from ${data.element.id}`} />}
    </div>
  );
}
