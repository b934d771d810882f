import { formatFen, type Fen } from "@/lib/budget/compute/fen";
import { FUND_COUNT, rowsShowing } from "@/lib/budget/compute/fen-tree";
import { functionName } from "@/lib/catalog/catalog";
import type { TableContext } from "./context";
import type { T8DepartmentExpenditure } from "./types";

/** Basic and project money of every fund on a row of the function tree (its slots, fen-tree.ts). */
export function basicAndProject(s: readonly Fen[]): [Fen, Fen] {
  let basic = 0n;
  let project = 0n;
  for (let i = 0; i < FUND_COUNT; i++) {
    basic += s[i]!;
    project += s[FUND_COUNT + i]!;
  }
  return [basic, project];
}

/** 表八 部门支出总表: all money by function, basic and project. */
export function buildT8(ctx: TableContext): T8DepartmentExpenditure {
  const tree = ctx.functions;
  const cells = (s: readonly Fen[]) => {
    const [basic, project] = basicAndProject(s);
    return { total: formatFen(basic + project), basic: formatFen(basic), project: formatFen(project) };
  };
  const shows = (s: readonly Fen[]) => {
    const [basic, project] = basicAndProject(s);
    return basic !== 0n || project !== 0n;
  };
  return {
    total: cells(tree.total),
    rows: rowsShowing(tree, shows).map((n) => ({ code: n.code, name: functionName(ctx.catalog, n.code), level: n.level, ...cells(n.sums) })),
  };
}
