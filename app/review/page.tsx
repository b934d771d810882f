import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadDistrictDashboard } from "@/lib/review/load-district-dashboard";
import { PUBLICATION_DEADLINE_DAYS } from "@/lib/review/publication-deadline";
import { DownloadLink } from "@/components/DownloadLink";
import { DistrictPdfButton } from "@/components/jobs/DistrictPdfButton";
import { DistrictTable } from "./DistrictTable";
import styles from "./review.module.css";

export const metadata: Metadata = { title: "预算审核" };

/** The district dashboard: every department of the reviewer's region for one year. */
export default async function ReviewDashboardPage({ searchParams }: { searchParams: Promise<{ region?: string; year?: string; kind?: string }> }) {
  const params = await searchParams;
  const kind = params.kind === "final" ? "final" : "budget";
  const user = await requirePagePermission("budget.review", "/review");
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : undefined;
  const dashboard = await loadDistrictDashboard(db(), user, { kind, ...(params.region ? { region: params.region } : {}), ...(year ? { year } : {}) });
  if (!dashboard) notFound();
  const { region, regions, years } = dashboard;
  const query = new URLSearchParams({ region: region.code, year: String(dashboard.year) });
  return (
    <>
      <h1>
        {region.name} {dashboard.year} 年部门{kind === "final" ? "决算" : "预算"}审核
      </h1>
      <nav className={styles.toolbar} aria-label="预算或决算" data-testid="kind-switch">
        {(["budget", "final"] as const).map((k) =>
          k === kind ? (
            <span key={k} className="button" aria-current="page">
              {k === "final" ? "决算" : "预算"}
            </span>
          ) : (
            <a key={k} className="button secondary" href={`/review?${new URLSearchParams({ region: region.code, kind: k })}`}>
              {k === "final" ? "决算" : "预算"}
            </a>
          ),
        )}
      </nav>
      <div className={styles.toolbar}>
        <form method="get">
          {regions.length > 1 ? (
            <label>
              区划
              <select name="region" defaultValue={region.code}>
                {regions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <input type="hidden" name="region" value={region.code} />
          )}
          <input type="hidden" name="kind" value={kind} />
          <label>
            年度
            <select name="year" defaultValue={dashboard.year}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y} 年
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary">
            查看
          </button>
        </form>
        {kind === "budget" && regions.length > 1 ? (
          <a className="button secondary" href={`/review/city?${new URLSearchParams({ year: String(dashboard.year) })}`}>
            各区汇总
          </a>
        ) : null}
        {kind === "budget" ? (
          <DownloadLink className="button secondary" href={`/review/export?${query}`} note="正在生成 Excel，请稍候…">
            下载区级汇总（Excel）
          </DownloadLink>
        ) : null}
        {kind === "budget" ? <DistrictPdfButton region={region.code} year={dashboard.year} /> : null}
      </div>
      <p className="muted">
        金额单位：万元。各部门金额取自其公开表格（四舍五入到 0.01 万元），区级汇总为各部门金额之和。审核通过后 {PUBLICATION_DEADLINE_DAYS}{" "}
        日内须公开，逾期的部门以红色标出。
      </p>
      <p>
        <a href={`/review/ceilings?${new URLSearchParams({ region: region.code })}`}>控制数管理</a>
      </p>
      <DistrictTable rows={dashboard.rows} totals={dashboard.totals} stages={dashboard.stages} />
    </>
  );
}
