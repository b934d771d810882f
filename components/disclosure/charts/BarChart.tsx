import { barChart, type BarInput } from "@/lib/public/bar-chart";
import "../disclosure.css";

export interface BarChartProps {
  title: string;
  items: BarInput[];
  /** Names of the series when each item has several values (e.g. ["2023年", "2024年"]). */
  series?: string[];
}

const COLORS = ["#c9cdd4", "#a8071a", "#d46b08", "#0958d9"];
const LABEL_W = 170;
const BAR_W = 330;
const VALUE_W = 90;
const ROW_H = 18;

/**
 * A horizontal bar chart as inline SVG, rendered on the server: no script, no external
 * resources (the CSP allows neither), readable in print. Every bar carries its exact amount as
 * text, so the chart never replaces the table.
 */
export function BarChart({ title, items, series }: BarChartProps) {
  const bars = barChart(items);
  const perItem = Math.max(1, ...items.map((i) => i.values.length));
  const groupH = perItem * ROW_H + 10;
  const legendH = series && series.length > 1 ? 22 : 0;
  const height = legendH + bars.length * groupH + 4;
  const width = LABEL_W + BAR_W + VALUE_W;
  return (
    <figure className="dz-chart">
      <figcaption>{title}（万元）</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        {legendH > 0
          ? series!.map((s, i) => (
              <g key={s} transform={`translate(${LABEL_W + i * 110}, 4)`}>
                <rect width="12" height="12" fill={COLORS[i % COLORS.length]} />
                <text x="16" y="11" fontSize="12">{s}</text>
              </g>
            ))
          : null}
        {bars.map((bar, b) => {
          const y0 = legendH + b * groupH;
          return (
            <g key={`${bar.label}-${b}`}>
              <text x={LABEL_W - 6} y={y0 + (perItem * ROW_H) / 2 + 4} fontSize="13" textAnchor="end">
                {bar.label.length > 13 ? `${bar.label.slice(0, 12)}…` : bar.label}
              </text>
              {bar.segments.map((s, i) => {
                const w = Math.max(s.width * BAR_W, s.width > 0 ? 1 : 0);
                const color = COLORS[(bar.segments.length === 1 ? 1 : i) % COLORS.length];
                return (
                  <g key={i}>
                    <rect x={LABEL_W} y={y0 + i * ROW_H} width={w} height={ROW_H - 4} fill={color}>
                      <title>{`${bar.label}${series?.[i] ? `（${series[i]}）` : ""}：${s.display} 万元`}</title>
                    </rect>
                    <text x={LABEL_W + w + 4} y={y0 + i * ROW_H + 11} fontSize="12">{s.display}</text>
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
