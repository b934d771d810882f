/**
 * 部门预算 | 部门决算 tabs of one department's year; a tab without a published document is not a link.
 * Plain links: the budget page is static HTML without the React runtime (lib/public/static-page).
 */
export function DocumentTabs({ current, budgetHref, finalHref }: { current: "budget" | "final"; budgetHref: string | null; finalHref: string | null }) {
  const tab = (kind: "budget" | "final", label: string, href: string | null) =>
    kind === current ? (
      <span className="button" aria-current="page">
        {label}
      </span>
    ) : href ? (
      <a className="button secondary" href={href} data-testid={`tab-${kind}`}>
        {label}
      </a>
    ) : (
      <span className="button secondary" aria-disabled="true" title="尚未公开">
        {label}（未公开）
      </span>
    );
  return (
    <nav className="dz-downloads" aria-label="公开文件" data-testid="document-tabs">
      {tab("budget", "部门预算", budgetHref)}
      {tab("final", "部门决算", finalHref)}
    </nav>
  );
}
