import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A bar chart drawn by uPlot on a canvas: categories along the bottom (days, sessions), one value
 * each. Large axis text and dark bars on white, readable by older eyes and in high contrast; the
 * canvas is hidden from screen readers because the caller gives the same numbers as a table.
 */
export function BarChart({
  labels,
  values,
  max,
  height = 240,
  colour = '#a4161a',
  xLabel,
}: {
  labels: string[];
  values: number[];
  /** Upper end of the value axis (e.g. 100 for percentages); from the data when absent. */
  max?: number;
  height?: number;
  colour?: string;
  /** A name for the bottom axis, when its ticks are bare numbers. */
  xLabel?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const font = `${Math.round(15 * scale())}px system-ui, "Noto Sans CJK SC", sans-serif`;
    const top = max ?? Math.max(5, Math.ceil(Math.max(0, ...values) * 1.15));
    const every = Math.max(1, Math.ceil(labels.length / 10));
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: Math.round(height * scale()),
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: [0, top] } },
        axes: [
          {
            font,
            stroke: '#1d1d1f',
            grid: { show: false },
            ticks: { stroke: '#4a4a52' },
            size: Math.round(36 * scale()),
            ...(xLabel ? { label: xLabel, labelFont: font, labelSize: Math.round(24 * scale()) } : {}),
            // Counted back from the last bar, so the latest day (today) is always labelled.
            splits: () => labels.map((_, i) => i).filter((i) => (labels.length - 1 - i) % every === 0),
            values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          },
          {
            font,
            stroke: '#1d1d1f',
            grid: { stroke: '#d6d2c8', width: 1 },
            ticks: { stroke: '#4a4a52' },
            size: Math.round(52 * scale()),
          },
        ],
        series: [
          {},
          {
            stroke: colour,
            fill: colour,
            width: 0,
            points: { show: false },
            paths: uPlot.paths.bars!({ size: [0.6, 64], align: 0 }),
          },
        ],
      },
      [labels.map((_, i) => i), values],
      el,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height: plot.height }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [labels, values, max, height, colour, xLabel]);
  return <div ref={box} className="bar-chart" aria-hidden="true" />;
}

/** The participant's text size setting (A+ / A−), so chart text grows with the rest of the page. */
const scale = (): number => Number(getComputedStyle(document.documentElement).getPropertyValue('--text-scale')) || 1;
