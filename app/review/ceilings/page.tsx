import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadCeilings } from "@/lib/review/load-ceilings";
import { CeilingEntryForm, CeilingImportForm, DeleteCeilingButton, IssueCeilingsButton } from "./CeilingForms";

export const metadata: Metadata = { title: "控制数" };

/** 控制数 of the reviewer's region for one year: enter, import, issue (控制数下达). */
export default async function CeilingsPage({ searchParams }: { searchParams: Promise<{ region?: string; year?: string }> }) {
  const params = await searchParams;
  const user = await requirePagePermission("budget.approve", "/review/ceilings");
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : undefined;
  const page = await loadCeilings(db(), user, { ...(params.region ? { region: params.region } : {}), ...(year ? { year } : {}) });
  if (!page) notFound();
  const { region } = page;
  return (
    <>
      <h1>
        {region.name} {page.year} 年控制数
      </h1>
      <form method="get" className="grid-toolbar">
        <input type="hidden" name="region" value={region.code} />
        <label>
          年度
          <input name="year" type="number" defaultValue={page.year} min={2000} max={2100} />
        </label>
        <button type="submit" className="secondary">
          查看
        </button>{" "}
        <a href={`/review?region=${region.code}`}>返回审核</a>
      </form>
      <p className="muted">
        一上一下：财政局录入或导入各部门基本支出和项目支出控制数，下达后部门会计可以看到，并在报送（二上）时不得超出；审核通过后下达批复（二下）。修改后的控制数须重新下达。
      </p>
      <IssueCeilingsButton region={region.code} year={page.year} pending={page.pending} />
      <table className="data" data-testid="ceiling-table">
        <thead>
          <tr>
            <th>部门</th>
            <th>控制数</th>
            <th className="num">金额（万元）</th>
            <th>状态</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {page.departments.flatMap((d) =>
            d.ceilings.length === 0
              ? [
                  <tr key={d.code}>
                    <td>
                      {d.code} {d.name}
                    </td>
                    <td className="muted" colSpan={4}>
                      未录入
                    </td>
                  </tr>,
                ]
              : d.ceilings.map((c, i) => (
                  <tr key={c.id} data-testid={`ceiling-${d.code}-${c.kind}-${c.fund}${c.projectCode ? `-${c.projectCode}` : ""}`}>
                    <td>{i === 0 ? `${d.code} ${d.name}` : ""}</td>
                    <td>{c.label}</td>
                    <td className="num">{c.amount}</td>
                    <td>{c.issued ? "已下达" : <strong>待下达</strong>}</td>
                    <td>
                      <DeleteCeilingButton region={region.code} id={c.id} />
                    </td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
      <CeilingEntryForm region={region.code} year={page.year} departments={page.departments.map((d) => ({ code: d.code, name: d.name }))} />
      <CeilingImportForm region={region.code} year={page.year} />
    </>
  );
}
