import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';

/**
 * React Flow's bezier edge with its label drawn as centred SVG text on a halo of the canvas
 * colour, instead of a text measured (`getBBox`) after mounting to size a background box: that
 * measuring laid out and re-rendered each of 1,500 labels on opening a large topology, and again
 * for the edges of every node an edit touched (issue 4 §6).
 */
export const LabelledEdge = memo(function LabelledEdge(props: EdgeProps) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerStart, markerEnd, style, interactionWidth } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge path={path} markerStart={markerStart} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {label ? (
        <text className="react-flow__edge-text edge-label" x={labelX} y={labelY} textAnchor="middle" dominantBaseline="central">
          {label}
        </text>
      ) : null}
    </>
  );
});
