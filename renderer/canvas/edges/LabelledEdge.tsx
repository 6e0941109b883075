import { createContext, memo, useContext } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';

/**
 * Below this zoom a 10 px label is 4 px or less, a grey smudge: edges are drawn without their
 * labels, as maps drop street names. The canvas provides whether the zoom is past it; the edges
 * render again only when that changes, and a large topology shown whole opens without creating,
 * laying out and painting 1,500 texts nobody can read (issue 4 §6).
 */
export const LABEL_MIN_ZOOM = 0.4;
export const EdgeLabelsShown = createContext(true);

/**
 * React Flow's bezier edge with its label drawn as centred SVG text on a halo of the canvas
 * colour, instead of a text measured (`getBBox`) after mounting to size a background box: that
 * measuring laid out and re-rendered each of 1,500 labels on opening a large topology, and again
 * for the edges of every node an edit touched (issue 4 §6).
 */
export const LabelledEdge = memo(function LabelledEdge(props: EdgeProps) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerStart, markerEnd, style, interactionWidth } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const labelShown = useContext(EdgeLabelsShown);
  return (
    <>
      <BaseEdge path={path} markerStart={markerStart} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {label && labelShown ? (
        <text className="react-flow__edge-text edge-label" x={labelX} y={labelY} textAnchor="middle" dominantBaseline="central">
          {label}
        </text>
      ) : null}
    </>
  );
});
