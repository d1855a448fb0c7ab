import { niceMax, shortNumber, ticks } from './scale';

export interface Bar {
  key: string;
  label: string;
  value: number;
  color?: string;
  /** Where the bar leads (a hash route such as "#/tasks?status=滞后"). */
  href?: string;
}

export interface BarChartProps {
  data: Bar[];
  label: string;
  height?: number;
  format?(v: number): string;
}

/** Vertical bars with their values on top; a bar with `href` is a link (keyboard reachable). */
export function BarChart({ data, label, height = 180, format = shortNumber }: BarChartProps) {
  const slot = 64;
  const left = 36;
  const top = 18;
  const bottom = 24;
  const width = left + Math.max(1, data.length) * slot;
  const plot = height - top - bottom;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const y = (v: number) => top + plot - (v / max) * plot;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width * 1.6 }} role="img" aria-label={label}>
      <title>{label}</title>
      {ticks(max).map((t) => (
        <g key={t}>
          <line x1={left} x2={width} y1={y(t)} y2={y(t)} stroke="var(--mantine-color-gray-2)" />
          <text x={left - 4} y={y(t) + 4} textAnchor="end" fontSize="10" fill="var(--mantine-color-dimmed)">
            {shortNumber(t)}
          </text>
        </g>
      ))}
      {data.map((d, i) => {
        const x = left + i * slot + slot * 0.2;
        const w = slot * 0.6;
        const bar = (
          <g>
            <title>{`${d.label}：${format(d.value)}`}</title>
            <rect x={x} y={y(d.value)} width={w} height={Math.max(0, top + plot - y(d.value))} rx="3" fill={d.color ?? 'var(--mantine-color-teal-6)'} />
            <text x={x + w / 2} y={y(d.value) - 4} textAnchor="middle" fontSize="12" fontWeight="600" fill="var(--mantine-color-text)">
              {format(d.value)}
            </text>
            <text x={x + w / 2} y={height - 8} textAnchor="middle" fontSize="12" fill="var(--mantine-color-text)">
              {d.label}
            </text>
          </g>
        );
        return d.href ? (
          <a key={d.key} href={d.href} aria-label={`${d.label} ${format(d.value)}`}>
            {bar}
          </a>
        ) : (
          <g key={d.key}>{bar}</g>
        );
      })}
    </svg>
  );
}
