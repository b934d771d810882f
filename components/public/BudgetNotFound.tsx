/**
 * What a citizen following a link to a budget that is not (yet) published reads: say so plainly
 * and lead to what is published. Plain links, so the static 404 of the budget page
 * (lib/public/static-page) and the not-found page of its sub-pages show the same thing.
 */
export function BudgetNotFound({ region, year }: { region?: string | undefined; year?: string | undefined }) {
  const listable = /^\d{6}$/.test(region ?? "") && /^\d{4}$/.test(year ?? "");
  return (
    <section className="card" data-testid="not-found">
      <h1>该预算尚未公开或不存在</h1>
      <p>部门预算经财政部门审核、公开后才能在这里查看。请核对地址，或从已公开的预算中查找。</p>
      <ul>
        {listable ? (
          <li>
            <a href={`/b/${region}/${year}`}>{year} 年已公开的部门预算</a>
          </li>
        ) : null}
        <li>
          <a href="/">全部已公开的部门预算</a>
        </li>
      </ul>
    </section>
  );
}
