import { niceMax, shortNumber, ticks } from './scale';

export interface LineChartProps {
  /** One label per point along the x axis (e.g. months). */
  xLabels: string[];
  /** Missing values (null) break the line. */
  values: (number | null)[];
  label: string;
  /** Horizontal reference lines, e.g. this year's and the 2027 target. */
  references?: { value: number; label: string; color?: string }[];
  /** Points drawn hollow (e.g. live figures, as opposed to frozen month-end ones). */
  hollow?: boolean[];
  height?: number;
  width?: number;
  format?(v: number): string;
}

/** A single-series line with optional reference lines; each point carries a tooltip with its value. */
export function LineChart({ xLabels, values, label, references = [], hollow = [], height = 160, width = 360, format = shortNumber }: LineChartProps) {
  const left = 40;
  const right = 8;
  const top = 10;
  const bottom = 22;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...values.map((v) => v ?? 0), ...references.map((r) => r.value)));
  const x = (i: number) => left + (xLabels.length <= 1 ? plotW / 2 : (i * plotW) / (xLabels.length - 1));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
    } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
  });
  if (current) segments.push(current);
  const every = Math.max(1, Math.ceil(xLabels.length / 6));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label}>
      <title>{label}</title>
      {ticks(max).map((t) => (
        <g key={t}>
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke="var(--mantine-color-gray-2)" />
          <text x={left - 4} y={y(t) + 3} textAnchor="end" fontSize="9" fill="var(--mantine-color-dimmed)">
            {shortNumber(t)}
          </text>
        </g>
      ))}
      {references.map((r) => (
        <g key={r.label}>
          <line x1={left} x2={width - right} y1={y(r.value)} y2={y(r.value)} stroke={r.color ?? 'var(--mantine-color-red-5)'} strokeDasharray="4 3" />
          <text x={width - right} y={y(r.value) - 3} textAnchor="end" fontSize="9" fill={r.color ?? 'var(--mantine-color-red-6)'}>
            {`${r.label} ${format(r.value)}`}
          </text>
        </g>
      ))}
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="var(--mantine-color-teal-6)" strokeWidth="2" />
      ))}
      {values.map((v, i) =>
        v === null ? null : (
          <circle key={xLabels[i]} cx={x(i)} cy={y(v)} r="3" fill={hollow[i] ? 'var(--mantine-color-body)' : 'var(--mantine-color-teal-6)'} stroke="var(--mantine-color-teal-6)" strokeWidth="1.5">
            <title>{`${xLabels[i]}：${format(v)}`}</title>
          </circle>
        ),
      )}
      {xLabels.map((l, i) =>
        (xLabels.length - 1 - i) % every === 0 ? (
          <text key={l} x={x(i)} y={height - 6} textAnchor={i === xLabels.length - 1 && xLabels.length > 1 ? 'end' : i === 0 && xLabels.length > 1 ? 'start' : 'middle'} fontSize="9" fill="var(--mantine-color-dimmed)">
            {l}
          </text>
        ) : null,
      )}
    </svg>
  );
}
