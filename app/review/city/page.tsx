import type { Metadata } from "next";
import Decimal from "decimal.js";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatWanDisplay } from "@/lib/format";
import { loadCityDashboard } from "@/lib/review/load-city-dashboard";
import styles from "../review.module.css";

export const metadata: Metadata = { title: "各区预算汇总" };

const wan = (s: string) => formatWanDisplay(new Decimal(s));

/** A reviewer of several districts (a city's finance bureau): one line per district, from the dashboard row cache. */
export default async function CityDashboardPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const params = await searchParams;
  const user = await requirePagePermission("budget.review", "/review/city");
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : new Date().getFullYear();
  const city = await loadCityDashboard(db(), user, { year });
  if (!city) notFound();
  return (
    <>
      <h1>{city.year} 年各区部门预算汇总</h1>
      <div className={styles.toolbar}>
        <form method="get">
          <label>
            年度
            <input name="year" inputMode="numeric" defaultValue={city.year} size={6} />
          </label>
          <button type="submit" className="secondary">
            查看
          </button>
        </form>
      </div>
      <p className="muted">金额单位：万元。各区金额为其已报送部门的公开表格金额之和（与区级汇总一致）；编制中的预算不计入。</p>
      <div className={styles.scroll}>
        <table className="data" data-testid="city-table">
          <thead>
            <tr>
              <th>区划</th>
              <th className="num">部门数</th>
              <th className="num">已报送</th>
              <th className="num">已退回</th>
              <th className="num">审核通过</th>
              <th className="num">已公开</th>
              <th className="num">支出合计</th>
              <th className="num">基本支出</th>
              <th className="num">项目支出</th>
              <th className="num">“三公”经费</th>
              <th className="num">错误</th>
            </tr>
          </thead>
          <tbody>
            {city.districts.map((d) => (
              <tr key={d.code}>
                <td>
                  <a href={`/review?${new URLSearchParams({ region: d.code, year: String(city.year) })}`}>{d.name}</a>
                </td>
                <td className="num">{d.departments}</td>
                <td className="num">{d.byStatus.SUBMITTED}</td>
                <td className="num">{d.byStatus.RETURNED}</td>
                <td className="num">{d.byStatus.APPROVED}</td>
                <td className="num">{d.byStatus.PUBLISHED}</td>
                <td className="num">{wan(d.amounts.total)}</td>
                <td className="num">{wan(d.amounts.basic)}</td>
                <td className="num">{wan(d.amounts.project)}</td>
                <td className="num">{wan(d.amounts.threePublic)}</td>
                <td className="num">{d.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
