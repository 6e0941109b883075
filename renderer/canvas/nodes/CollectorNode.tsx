import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ElementNode } from '../projection.js';
import { LeafShell } from './NodeShell.js';

export const CollectorNode = memo(function CollectorNode({ data }: NodeProps<ElementNode>) {
  const role = data.element.kind === 'collector' ? data.element.role : 'agent';
  return <LeafShell data={data} kindClass={`collector-node role-${role}`} icon={role === 'gateway' ? '⇶' : '◉'} />;
});
