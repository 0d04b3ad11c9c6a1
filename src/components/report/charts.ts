import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the report draws, so rendering a chart loads no more of ECharts than it needs.
echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** One period's bars; `null` where the count is hidden, so no bar gives it away. */
export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
}

const WIDTH = 640;
const BAR_ROW = 22;
// Dark blue and mid grey: 3:1 against white and each other, and told apart by the legend too.
const COLOURS = ['#1d4f91', '#767676'];

/**
 * A horizontal bar chart as SVG, drawn on the server by ECharts' SSR renderer: no browser, no
 * script. Horizontal, so long labels ("Through the website") read without slanting.
 */
export function barChartSvg(
  categories: readonly string[],
  series: readonly ChartSeries[],
  unit = '',
): string {
  const height = 70 + categories.length * series.length * BAR_ROW;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  chart.setOption({
    animation: false,
    color: COLOURS,
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13, color: '#0b0c0c' },
    legend: { top: 0, data: series.map((item) => item.name) },
    // The axis labels inside the grid's bounds, as `containLabel` did before ECharts 6. On the
    // server ECharts can only estimate how wide text is, so the left margin leaves room for more.
    grid: {
      left: 56,
      right: 24,
      top: 32,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: `{value}${unit}` } },
    // ECharts draws the first category at the bottom; reversed, the chart reads in the table's order.
    // Long labels ("Stage 1: Frontline Resolution: acknowledge") wrap rather than crowd out the bars.
    yAxis: {
      type: 'category',
      data: [...categories],
      inverse: true,
      axisLabel: { width: 170, overflow: 'break' },
    },
    series: series.map((item) => ({ type: 'bar', name: item.name, data: [...item.values] })),
  });
  const svg = chart.renderToSVGString({ useViewBox: true });
  chart.dispose();
  return svg;
}

/** An SVG as an image address, so the page embeds it without inline markup or a second file. */
export const svgDataUrl = (svg: string): string => `data:image/svg+xml,${encodeURIComponent(svg)}`;
