import { displayAmountOrZero } from "@/lib/format";
import { formatWanDisplay } from "@/lib/format";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/disclosure/charts/BarChart";
import { parseWan } from "@/lib/budget/money";
import { listPublishedFinals } from "@/lib/db/queries/public-snapshots";
import { readPublished } from "@/lib/public/read-published";
import { cachedPublishedList } from "@/lib/public/published-cache";
import { sumSummaries, publishedSummary } from "@/lib/public/budget-summary";
import { spendingByClass } from "@/lib/public/district-by-class";
import { finalPath, parseRegionYear } from "@/lib/public/public-key";
import "@/components/disclosure/disclosure.css";

// Rendered per request from the snapshot cache (lib/public/published-cache.ts), never from
// Next's URL-keyed page cache on disk.
export const dynamic = "force-dynamic";

type Params = Promise<{ region: string; year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  return { title: `${p.year}年部门预算与决算公开` };
}

function Change({ change }: { change: string | undefined }) {
  if (change === undefined) return <td className="num muted">—</td>;
  const d = parseWan(change);
  if (d.isZero()) return <td className="num">持平</td>;
  return (
    <td className={`num ${d.isNegative() ? "dz-down" : "dz-up"}`}>
      {d.isNegative() ? "−" : "+"}
      {formatWanDisplay(d.abs())}
    </td>
  );
}

/** One district and year: every published department with its totals, district totals, a chart by 类. */
export default async function DistrictYearPage({ params }: { params: Params }) {
  const p = await params;
  const key = parseRegionYear(p.region, p.year);
  const [budgets, finals] = key
    ? await Promise.all([readPublished((d) => cachedPublishedList(d, key)), readPublished((d) => listPublishedFinals(d, key))])
    : [[], []];
  if (!key || budgets.length + finals.length === 0) notFound();
  const rows = budgets.map((b) => ({ b, s: publishedSummary(b) }));
  const totals = sumSummaries(rows.map((r) => r.s));
  const byClass = spendingByClass(rows.map((r) => ({ department: r.b.unit.name, byClass: r.s.byClass })));
  const regionName = (budgets[0] ?? finals[0])!.region.name;
  return (
    <>
      <p className="muted">
        <Link href="/">公开预算</Link> / {regionName}
      </p>
      <h1>
        {regionName} {key.year} 年部门预算与决算
      </h1>
      {finals.length > 0 ? (
        <section className="card" aria-labelledby="finals">
          <h2 id="finals">{key.year} 年度部门决算</h2>
          <p className="muted">共 {finals.length} 个部门已公开决算。金额单位：万元。</p>
          <div className="dz-scroll">
            <table className="data" data-testid="district-finals">
              <thead>
                <tr>
                  <th>部门</th>
                  <th className="num">本年收入合计</th>
                  <th className="num">本年支出合计</th>
                  <th className="num">“三公”经费决算数</th>
                </tr>
              </thead>
              <tbody>
                {finals.map((f) => (
                  <tr key={f.unit.code}>
                    <td>
                      <Link href={finalPath({ region: key.region, year: key.year, unit: f.unit.code })}>{f.unit.name}</Link>
                      <span className="muted">（{f.unit.code}）</span>
                    </td>
                    <td className="num">{displayAmountOrZero(f.tables.F1.income.total)}</td>
                    <td className="num">{displayAmountOrZero(f.tables.F1.expenditure.total)}</td>
                    <td className="num">{displayAmountOrZero(f.tables.F7.actual.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {budgets.length > 0 ? (
        <>
          <h2>{key.year} 年部门预算</h2>
          <p className="muted">共 {budgets.length} 个部门已公开。金额单位：万元。“比上年”为本年支出合计与上年预算数之差。</p>
          <div className="dz-scroll">
            <table className="data" data-testid="district-budgets">
              <thead>
                <tr>
                  <th>部门</th>
                  <th className="num">支出合计</th>
                  <th className="num">基本支出</th>
                  <th className="num">项目支出</th>
                  <th className="num">“三公”经费</th>
                  <th className="num">比上年</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ b, s }) => (
                  <tr key={b.unit.code}>
                    <td>
                      <Link href={`/b/${key.region}/${key.year}/${b.unit.code}`}>{b.unit.name}</Link>
                      <span className="muted">（{b.unit.code}）</span>
                    </td>
                    <td className="num">{displayAmountOrZero(s.total)}</td>
                    <td className="num">{displayAmountOrZero(s.basic)}</td>
                    <td className="num">{displayAmountOrZero(s.project)}</td>
                    <td className="num">{displayAmountOrZero(s.threePublic)}</td>
                    <Change change={s.change} />
                  </tr>
                ))}
                <tr data-testid="district-total">
                  <th>全区合计</th>
                  <th className="num">{displayAmountOrZero(totals.total)}</th>
                  <th className="num">{displayAmountOrZero(totals.basic)}</th>
                  <th className="num">{displayAmountOrZero(totals.project)}</th>
                  <th className="num">{displayAmountOrZero(totals.threePublic)}</th>
                  <th />
                </tr>
              </tbody>
            </table>
          </div>
          <h2>支出按功能分类（类）</h2>
          <div className="dz-charts">
            <BarChart title={`${regionName}已公开部门支出合计，按功能分类`} items={byClass.map((c) => ({ label: c.name, values: [c.total] }))} />
          </div>
          <div className="dz-scroll">
            <table className="data" data-testid="district-by-class">
              <thead>
                <tr>
                  <th>功能分类</th>
                  <th className="num">合计</th>
                  <th>部门</th>
                </tr>
              </thead>
              <tbody>
                {byClass.map((c) => (
                  <tr key={c.code}>
                    <td>
                      {c.code} {c.name}
                    </td>
                    <td className="num">{displayAmountOrZero(c.total)}</td>
                    <td>{c.departments.map((d) => `${d.department} ${displayAmountOrZero(d.total)}`).join("；")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
