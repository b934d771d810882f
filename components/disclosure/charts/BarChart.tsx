import { barChart, type BarInput } from "@/lib/public/bar-chart";
import "../disclosure.css";

export interface BarChartProps {
  title: string;
  items: BarInput[];
  /** Names of the series when each item has several values (e.g. ["2023年", "2024年"]). */
  series?: string[];
}

const COLORS = ["#c9cdd4", "#a8071a", "#d46b08", "#0958d9"];
// Drawn at about the size it is shown (a phone's width, a third of a desktop page), so that
// 13 px text stays at least 12 px on screen: a wide chart scaled into a narrow box shrank it to 6.
const WIDTH = 260;
const VALUE_W = 84;
const BAR_W = WIDTH - VALUE_W;
const LABEL_H = 18;
const ROW_H = 18;
const FONT = 13;

/**
 * A horizontal bar chart as inline SVG, rendered on the server: no script, no external
 * resources (the CSP allows neither), readable in print. Each label sits on its own line above
 * its bars, and every bar carries its exact amount as text, so the chart never replaces the table.
 */
export function BarChart({ title, items, series }: BarChartProps) {
  const bars = barChart(items);
  const perItem = Math.max(1, ...items.map((i) => i.values.length));
  const groupH = LABEL_H + perItem * ROW_H + 8;
  const legendH = series && series.length > 1 ? 22 : 0;
  const height = legendH + bars.length * groupH + 4;
  return (
    <figure className="dz-chart">
      <figcaption>{title}（万元）</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        {legendH > 0
          ? series!.map((s, i) => (
              <g key={s} transform={`translate(${i * 110}, 4)`}>
                <rect width="12" height="12" fill={COLORS[i % COLORS.length]} />
                <text x="16" y="11" fontSize={FONT}>
                  {s}
                </text>
              </g>
            ))
          : null}
        {bars.map((bar, b) => {
          const y0 = legendH + b * groupH;
          return (
            <g key={`${bar.label}-${b}`}>
              <text x={0} y={y0 + 13} fontSize={FONT}>
                {bar.label}
              </text>
              {bar.segments.map((s, i) => {
                const w = Math.max(s.width * BAR_W, s.width > 0 ? 1 : 0);
                const color = COLORS[(bar.segments.length === 1 ? 1 : i) % COLORS.length];
                const y = y0 + LABEL_H + i * ROW_H;
                return (
                  <g key={i}>
                    <rect x={0} y={y} width={w} height={ROW_H - 4} fill={color}>
                      <title>{`${bar.label}${series?.[i] ? `（${series[i]}）` : ""}：${s.display} 万元`}</title>
                    </rect>
                    <text x={w + 4} y={y + 12} fontSize={FONT}>
                      {s.display}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
