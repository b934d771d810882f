import Link from "next/link";
import { readPublished } from "@/lib/public/read-published";
import { publicDirectory } from "@/lib/db/queries/public-directory";
import "@/components/disclosure/disclosure.css";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const regions = await readPublished((d) => publicDirectory(d, q));
  return (
    <>
      <h1>部门预算公开</h1>
      <p className="muted">
        明账汇集各预算部门的年度部门预算：部门会计编制，区财政局审核，审核通过后向社会公开。公开的每一张表、每一个数字都由同一份预算数据生成，合计与明细一致到分。
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON endpoint, not a page: the browser loads it, the router has nothing to render */}
        也可通过<a href="/api/open/budgets">开放数据接口</a>下载 JSON、Excel、PDF 和 CSV。
      </p>
      <form role="search" method="get" action="/" className="dz-search">
        <label>
          按部门名称或编码查找
          <input type="search" name="q" defaultValue={q} placeholder="如：办公室、104" maxLength={50} />
        </label>
        <button type="submit">查找</button>
        {q ? <Link href="/">清除</Link> : null}
      </form>
      {regions.length === 0 ? <p className="card">{q ? `没有名称或编码包含“${q}”的部门。` : "尚无任何行政区划的数据。"}</p> : null}
      {regions.map((region) => (
        <section key={region.code} className="card" aria-labelledby={`region-${region.code}`}>
          <h2 id={`region-${region.code}`}>
            {region.name} <span className="muted">（{region.code}）</span>
          </h2>
          {region.years.length > 0 ? (
            <p data-testid={`years-${region.code}`}>
              已公开年度：
              {region.years.map((y) => (
                <Link key={y.year} href={`/b/${region.code}/${y.year}`} style={{ marginRight: "0.75rem" }}>
                  {y.year} 年（{y.budgets} 个部门）
                </Link>
              ))}
            </p>
          ) : (
            <p className="muted">本区尚未公开部门预算。</p>
          )}
          {region.finalYears.length > 0 ? (
            <p data-testid={`final-years-${region.code}`}>
              已公开决算：
              {region.finalYears.map((y) => (
                <Link key={y.year} href={`/b/${region.code}/${y.year}`} style={{ marginRight: "0.75rem" }}>
                  {y.year} 年度（{y.finals} 个部门）
                </Link>
              ))}
            </p>
          ) : null}
          <div className="dz-scroll">
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
                      {d.published.length + d.publishedFinals.length === 0 ? (
                        <span className="muted">尚未公开</span>
                      ) : (
                        <>
                          {d.published.map((year) => (
                            <Link key={year} href={`/b/${region.code}/${year}/${d.code}`} style={{ marginRight: "0.75rem" }}>
                              {year} 年部门预算
                            </Link>
                          ))}
                          {d.publishedFinals.map((year) => (
                            <Link key={`f${year}`} href={`/b/${region.code}/${year}/${d.code}/final`} style={{ marginRight: "0.75rem" }}>
                              {year} 年度部门决算
                            </Link>
                          ))}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
