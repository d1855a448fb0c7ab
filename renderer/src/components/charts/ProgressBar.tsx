import { Box, Group, Text } from '@mantine/core';

export interface ProgressBarProps {
  /** The current figure; null when there is none yet. */
  value: number | null;
  /** The full-scale reference (e.g. the 2027 target). */
  max: number;
  /** A reference inside the bar (e.g. this year's target), drawn as a tick with its label. */
  marker?: { value: number; label: string } | null;
  label: string;
  format?(v: number): string;
  height?: number;
}

const fmt = (v: number) => v.toLocaleString('zh-CN');

/**
 * A horizontal meter: filled to value / max, with an optional tick for an intermediate target. Green once the
 * marker (or the max) is reached, orange below it, grey without a value. Exposed to assistive tech as a meter.
 */
export function ProgressBar({ value, max, marker, label, format = fmt, height = 10 }: ProgressBarProps) {
  const pct = (v: number) => Math.max(0, Math.min(100, max > 0 ? (v / max) * 100 : 0));
  const goal = marker?.value ?? max;
  const color = value === null ? 'var(--mantine-color-gray-4)' : value >= goal ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-orange-5)';
  return (
    <Box role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value ?? 0} aria-valuetext={value === null ? '—' : `${format(value)} / ${format(max)}`}>
      <svg width="100%" height={height + 8} style={{ display: 'block', overflow: 'visible' }}>
        <rect x="0" y="4" width="100%" height={height} rx={height / 2} fill="var(--mantine-color-gray-2)" />
        {value !== null && value > 0 && <rect x="0" y="4" width={`${pct(value)}%`} height={height} rx={height / 2} fill={color} />}
        {marker && <line x1={`${pct(marker.value)}%`} x2={`${pct(marker.value)}%`} y1="0" y2={height + 8} stroke="var(--mantine-color-dark-4)" strokeWidth="2" />}
      </svg>
      {marker && (
        <Group justify="space-between" gap={4} mt={2}>
          <Text size="xs" c="dimmed">
            0
          </Text>
          <Text size="xs" c="dimmed">
            ▏{marker.label} {format(marker.value)}
          </Text>
          <Text size="xs" c="dimmed">
            {format(max)}
          </Text>
        </Group>
      )}
    </Box>
  );
}
