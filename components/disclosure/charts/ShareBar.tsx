import { displayAmountOrZero } from "@/lib/format";
import { shares } from "@/lib/public/bar-chart";
import "../disclosure.css";

const COLORS = ["#a8071a", "#d46b08", "#0958d9", "#237804"];

/** One 100% bar split into parts (基本支出 vs 项目支出), inline SVG with a legend in text. */
export function ShareBar({ title, parts }: { title: string; parts: { label: string; value: string }[] }) {
  const s = shares(parts);
  // Each part starts where the ones before it end.
  const starts = s.map((_, i) => s.slice(0, i).reduce((sum, p) => sum + p.share * 500, 0));
  return (
    <figure className="dz-chart">
      <figcaption>{title}（万元）</figcaption>
      <svg viewBox="0 0 500 28" width="100%" role="img" aria-label={title} preserveAspectRatio="none">
        {s.map((p, i) => {
          const w = p.share * 500;
          return (
            <rect key={p.label} x={starts[i]} y={0} width={w} height={28} fill={COLORS[i % COLORS.length]}>
              <title>{`${p.label}：${displayAmountOrZero(p.value)} 万元`}</title>
            </rect>
          );
        })}
      </svg>
      <ul className="dz-legend">
        {s.map((p, i) => (
          <li key={p.label}>
            <span className="dz-swatch" style={{ background: COLORS[i % COLORS.length] }} />
            {p.label} {displayAmountOrZero(p.value)}（{(p.share * 100).toFixed(1)}%）
          </li>
        ))}
      </ul>
    </figure>
  );
}
