/** Small SVG charts without a charting package; any capability may use them. */
export { BarChart, type Bar, type BarChartProps } from './BarChart';
export { LineChart, type LineChartProps } from './LineChart';
export { ProgressBar, type ProgressBarProps } from './ProgressBar';
export { Gauge, type GaugeProps } from './Gauge';
export { niceMax, shortNumber } from './scale';
