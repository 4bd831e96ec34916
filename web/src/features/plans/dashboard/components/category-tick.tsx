import { wrapLabel } from '../utils/wrap-label.js';

interface CategoryTickProps {
  x?: number;
  y?: number;
  payload?: { value: string };
  /** Characters per line. */
  width: number;
  lines?: number;
}

/**
 * A category axis label (a chapter or an institution) that wraps over up to three lines and keeps
 * the whole name as its tooltip, instead of being cut at the axis edge.
 */
export function CategoryTick({ x = 0, y = 0, payload, width, lines = 3 }: CategoryTickProps) {
  const name = payload?.value ?? '';
  const wrapped = wrapLabel(name, width, lines);
  const lineHeight = 13;
  const top = y - ((wrapped.length - 1) * lineHeight) / 2;
  return (
    <text x={x} y={top} textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-8)">
      <title>{name}</title>
      {wrapped.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 4 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
