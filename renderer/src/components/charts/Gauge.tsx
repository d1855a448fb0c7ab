export interface GaugeProps {
  /** Share reached, 0..1 (more is drawn full). Null draws an empty gauge with a dash. */
  share: number | null;
  label: string;
  size?: number;
  /** Colour below / at-or-above `goal` (a share, default 1). */
  goal?: number;
}

/** A half-circle gauge with the percentage in the middle. */
export function Gauge({ share, label, size = 120, goal = 1 }: GaugeProps) {
  const r = 50;
  const len = Math.PI * r;
  const filled = share === null ? 0 : Math.max(0, Math.min(1, share)) * len;
  const color = share === null ? 'var(--mantine-color-gray-4)' : share >= goal ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-orange-5)';
  const text = share === null ? '—' : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
  return (
    <svg viewBox="0 0 120 70" width={size} height={(size * 70) / 120} role="img" aria-label={`${label} ${text}`}>
      <title>{`${label} ${text}`}</title>
      <path d="M10 60 A50 50 0 0 1 110 60" fill="none" stroke="var(--mantine-color-gray-2)" strokeWidth="12" strokeLinecap="round" />
      {filled > 0 && <path d="M10 60 A50 50 0 0 1 110 60" fill="none" stroke={color} strokeWidth="12" strokeLinecap="round" strokeDasharray={`${filled} ${len}`} />}
      <text x="60" y="56" textAnchor="middle" fontSize="20" fontWeight="600" fill="var(--mantine-color-text)">
        {text}
      </text>
    </svg>
  );
}
