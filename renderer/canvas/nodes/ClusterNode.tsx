import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ElementNode } from '../projection.js';
import { FrameShell } from './NodeShell.js';

export const ClusterNode = memo(function ClusterNode({ data }: NodeProps<ElementNode>) {
  return <FrameShell data={data} kindClass="cluster-node" />;
});
