import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ElementNode } from '../projection.js';
import { LeafShell } from './NodeShell.js';

export const BackendNode = memo(function BackendNode({ data }: NodeProps<ElementNode>) {
  return <LeafShell data={data} kindClass="backend-node" icon="⛁" source={false} />;
});
