import Link from "next/link";
import { db } from "@/lib/db/client";
import { publicDirectory } from "@/lib/db/queries/public-directory";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const regions = await publicDirectory(db());
  return (
    <>
      <h1>部门预算公开</h1>
      <p className="muted">
        明账汇集各预算部门的年度部门预算：部门会计编制，区财政局审核，审核通过后向社会公开。公开的每一张表、每一个数字都由同一份预算数据生成，合计与明细一致到分。
      </p>
      {regions.length === 0 ? <p className="card">尚无任何行政区划的数据。</p> : null}
      {regions.map((region) => (
        <section key={region.code} className="card" aria-labelledby={`region-${region.code}`}>
          <h2 id={`region-${region.code}`}>
            {region.name} <span className="muted">（{region.code}）</span>
          </h2>
          <table className="data" data-testid={`departments-${region.code}`}>
            <thead>
              <tr>
                <th>部门编码</th>
                <th>预算部门</th>
                <th>已公开的部门预算</th>
              </tr>
            </thead>
            <tbody>
              {region.departments.map((d) => (
                <tr key={d.code}>
                  <td>{d.code}</td>
                  <td>{d.name}</td>
                  <td>
                    {d.published.length === 0 ? (
                      <span className="muted">尚未公开</span>
                    ) : (
                      d.published.map((p) => (
                        <Link key={p.year} href={`/b/${region.code}/${p.year}/${d.code}`} style={{ marginRight: "0.75rem" }}>
                          {p.year} 年部门预算
                        </Link>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
