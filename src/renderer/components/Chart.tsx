import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * The app's own font stack (styles/base.css). Named, not 'inherit': echarts measures labels itself,
 * and measured in another font they are laid out too narrow and cut off.
 */
const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Source Han Sans SC', sans-serif";

/**
 * A chart, bundled with the app (no remote script). SVG so that it prints sharply. `onPick` hears
 * which category or slice was clicked, so a bar can lead to the list behind it.
 */
export function Chart({ option, label, height = 260, onPick }: { option: ChartOption; label: string; height?: number; onPick?: (name: string) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const instance = echarts.init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option }, true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onPick) return;
    const handler = (params: { name?: string }): void => {
      if (params.name) onPick(params.name);
    };
    instance.on('click', handler);
    return () => void instance.off('click', handler);
  }, [onPick]);

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />;
}
