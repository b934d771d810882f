import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { missingCatalogueCodes } from "@/lib/admin/missing-codes";
import { missingSubjectMessage } from "@/lib/catalog/catalog";
import { CatalogImport } from "./CatalogImport";

export const metadata: Metadata = { title: "科目目录导入" };

export default async function CatalogPage() {
  await requirePagePermission("admin.catalog", "/admin/catalog");
  const d = db();
  const [functions, economics, crosswalks, missing] = await Promise.all([
    d.functionSubject.groupBy({ by: ["year"], _count: true, orderBy: { year: "asc" } }),
    d.economicSubject.groupBy({ by: ["year"], _count: true, orderBy: { year: "asc" } }),
    d.subjectCrosswalk.groupBy({ by: ["toYear"], _count: true, orderBy: { toYear: "asc" } }),
    missingCatalogueCodes(d),
  ]);
  const years = [...new Set([...functions.map((f) => f.year), ...economics.map((e) => e.year)])].sort();
  const functionCount = new Map(functions.map((r) => [r.year, r._count]));
  const economicCount = new Map(economics.map((r) => [r.year, r._count]));
  const crosswalkCount = new Map(crosswalks.map((r) => [r.toYear, r._count]));
  return (
    <>
      <p>
        <Link href="/admin">← 系统管理</Link>
      </p>
      <h1>科目目录导入</h1>
      <p className="muted">
        每年一套政府收支分类科目。可直接导入财政部《政府收支分类科目》的 Excel（.xlsx）或
        CSV：需有“科目编码”“科目名称”两列（标题行、说明列可保留），级次按编码位数确定（功能分类 3/5/7 位，经济分类 3/5 位）。也可用 data/catalogues 的 CSV
        格式：功能分类 <code>code,name,level</code>，经济分类 <code>code,name,level,category</code>。科目对照（CSV）
        <code>fromCode,toCode[,kind]</code> 把上一年的编码对到所选年度的编码，一个编码拆分为多个时每个新编码一行。导入只新增或改名，不删除已有科目。格式详见
        docs/catalogue-import.md。
      </p>
      <table className="data" data-testid="catalog-years">
        <thead>
          <tr>
            <th>年度</th>
            <th className="num">功能分类</th>
            <th className="num">经济分类</th>
            <th className="num">上年→本年对照</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y}>
              <td>{y}</td>
              <td className="num">{functionCount.get(y) ?? 0}</td>
              <td className="num">{economicCount.get(y) ?? 0}</td>
              <td className="num">{crosswalkCount.get(y) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 ? (
        <section className="card" data-testid="catalog-missing">
          <h2>预算中使用、目录中没有的编码</h2>
          <p className="muted">这些编码的预算不能保存或报送，请导入该年度的完整科目目录。</p>
          <ul>
            {missing.map((m) => (
              <li key={`${m.year}-${m.kind}-${m.code}`}>
                {missingSubjectMessage(m.year, m.code)}（{m.kind === "function" ? "功能分类" : "经济分类"}；{m.departments.join("、")}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>导入</h2>
      <section className="card">
        <CatalogImport defaultYear={(years.at(-1) ?? new Date().getFullYear()) + 1} />
      </section>
    </>
  );
}
