import type { ChartOption } from '../../components/Chart';

/** Colours of the task statuses, as their tags show them: 未启动 grey, 推进中 blue, 已完成 green, 已销号 purple. */
export const STATUS_COLOURS = ['#9aa0a6', '#3b7dd8', '#2f9e55', '#7a5bb5'];
const PALETTE = ['#a4161a', '#3b7dd8', '#2f9e55', '#e0a100', '#7a5bb5', '#13a8a8', '#d4622a', '#6b7280'];

export interface Slice {
  readonly name: string;
  readonly value: number;
}

/**
 * A ring of parts of a whole, each named in the legend; `tooltip` is echarts' format ({b} name, {c}
 * count, {d} percent). Empty parts are left out, each part keeping its own colour.
 */
export function ring(slices: readonly Slice[], tooltip: string, colours: readonly string[] = PALETTE): ChartOption {
  const data = slices.map((s, i) => ({ ...s, itemStyle: { color: colours[i % colours.length] } })).filter((s) => s.value > 0);
  return {
    tooltip: { trigger: 'item', formatter: tooltip },
    legend: { orient: 'vertical', right: 8, top: 'middle', itemGap: 12 },
    series: [{ type: 'pie', radius: ['45%', '72%'], center: ['35%', '50%'], label: { show: false }, data }],
  };
}

/** Bars by category; several series are stacked (the parts of each category's total). */
export function bars(
  categories: readonly string[],
  series: readonly { name: string; values: readonly number[]; colour?: string }[],
  horizontal = false,
): ChartOption {
  // A long unit name beside a bar is cut at its end (the tooltip names it whole), never at its start.
  const label = horizontal ? { width: 150, overflow: 'truncate' } : { rotate: categories.length > 6 ? 30 : 0 };
  const categoryAxis = { type: 'category', data: categories, axisTick: { show: false }, axisLabel: { interval: 0, ...label } };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0, itemGap: 20 } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      stack: series.length > 1 ? 'total' : undefined,
      barMaxWidth: 28,
      ...(s.colour ? { itemStyle: { color: s.colour } } : {}),
    })),
  };
}
