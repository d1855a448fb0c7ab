import type { Store } from '../db/store';

/** The period an indicator is asked about: a month, and the day its figure is counted to. */
export interface SourcePeriod {
  /** 'YYYY-MM'. */
  period: string;
  /** The month's last day, or today for the current month. */
  asOf: string;
  year: number;
  /** Shares one computation between sources within a request (e.g. the registry counts for a day). */
  memo<T>(key: string, compute: () => T): T;
}

export interface SourceReading {
  /** In the indicator's unit (个, 万亩次, 亿元…); stored with two decimals. */
  value: number;
  /** How the figure was obtained, in Chinese, shown next to it ("会员档案：在册区域农合联 6 个 + …"). */
  how: string;
  /** The screen where the underlying records can be seen, if the capability has one. */
  route?: string;
}

export type IndicatorSource = (store: Store, p: SourcePeriod) => SourceReading;

/**
 * Indicator number -> how the app computes it. Capabilities that hold an indicator's data register a source
 * here (the registry for 1-5 and 7, the front desk for 6, credit for 8) when their module loads; an indicator
 * without a source is entered by hand. Registering replaces an earlier source for the same number.
 */
const SOURCES = new Map<number, IndicatorSource>();

export function registerIndicatorSource(no: number, source: IndicatorSource): () => void {
  SOURCES.set(no, source);
  return () => {
    if (SOURCES.get(no) === source) SOURCES.delete(no);
  };
}

export function indicatorSource(no: number): IndicatorSource | undefined {
  return SOURCES.get(no);
}

export function hasIndicatorSource(no: number): boolean {
  return SOURCES.has(no);
}
