import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ElementNode } from '../projection.js';
import { LeafShell } from './NodeShell.js';

export const ControlPlaneNode = memo(function ControlPlaneNode({ data }: NodeProps<ElementNode>) {
  return <LeafShell data={data} kindClass="control-plane-node" icon="⚙" source={false} target={false} />;
});
