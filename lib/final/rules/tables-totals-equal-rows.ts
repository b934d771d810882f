import Decimal from "decimal.js";
import { parseWan, sum } from "@/lib/budget/money";
import type { FinalTables } from "@/lib/final/tables/types";
import { defineFinalRule } from "./types";

type TreeTable = { total: Record<string, string>; rows: ({ code: string; level: number } & Record<string, unknown>)[] };

const TREES: { id: "F2" | "F3" | "F5" | "F6" | "F8" | "F9"; name: string }[] = [
  { id: "F2", name: "收入决算表" },
  { id: "F3", name: "支出决算表" },
  { id: "F5", name: "一般公共预算财政拨款支出决算表" },
  { id: "F6", name: "一般公共预算财政拨款基本支出决算表" },
  { id: "F8", name: "政府性基金预算财政拨款收入支出决算表" },
  { id: "F9", name: "国有资本经营预算财政拨款支出决算表" },
];

/** Every printed 合计 and every 类/款 row is the sum of the rows under it, column by column. */
export const finalTablesTotalsEqualRows = defineFinalRule({
  id: "final.tables-totals-equal-rows",
  severity: "error",
  title: "决算公开表的合计与上级科目等于其下级之和",
  check({ tables }, report) {
    for (const { id, name } of TREES) {
      const t = (tables as FinalTables)[id] as unknown as TreeTable;
      const columns = Object.keys(t.total);
      const value = (row: Record<string, unknown>, c: string) => parseWan(String(row[c] ?? "0"));
      for (const c of columns) {
        const top = sum(t.rows.filter((r) => r.level === 1).map((r) => value(r, c)));
        if (!top.equals(parseWan(t.total[c]!))) report(`${id}.total.${c}`, `${name}合计（${c}）${t.total[c]} 不等于各类之和 ${top.toFixed(2)}`);
      }
      t.rows.forEach((row, i) => {
        const children = t.rows.filter((r) => r.level === row.level + 1 && r.code.startsWith(row.code));
        if (children.length === 0) return;
        for (const c of columns) {
          const s = children.reduce((acc, r) => acc.plus(value(r, c)), new Decimal(0));
          if (!s.equals(value(row, c))) report(`${id}.rows[${i}].${c}`, `${name} ${row.code}（${c}）${String(row[c])} 不等于其下级之和 ${s.toFixed(2)}`);
        }
      });
    }
  },
});
