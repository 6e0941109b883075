import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ElementNode } from '../projection.js';
import { FrameShell } from './NodeShell.js';

export const SiteNode = memo(function SiteNode({ data }: NodeProps<ElementNode>) {
  const provider = data.element.kind === 'site' ? data.element.provider : 'onprem';
  return <FrameShell data={data} kindClass={`site-node provider-${provider}`} linkHandles />;
});
