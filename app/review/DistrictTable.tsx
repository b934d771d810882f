"use client";
import { formatWanDisplay } from "@/lib/format";
import Decimal from "decimal.js";
import Link from "next/link";
import { useState } from "react";
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnFiltersState,
  type Row,
  type SortingState,
} from "@tanstack/react-table";
import { STATUS_LABELS, BUDGET_STATUSES } from "@/lib/budget/status";
import type { DepartmentRow } from "@/lib/review/department-row";
import type { DistrictTotals } from "@/lib/review/district-rollup";
import styles from "./review.module.css";

const features = tableFeatures({
  columnFilteringFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
});
type F = typeof features;

const wan = (s: string | null) => (s === null ? "" : formatWanDisplay(new Decimal(s)));
const signed = (s: string | null) => (s === null ? "—" : s.startsWith("-") || s === "0.00" ? wan(s) : `+${wan(s)}`);

/** Money sorts as decimals (never as JS numbers); departments without figures sort last. */
function byAmount(key: keyof DepartmentRow) {
  return (a: Row<F, DepartmentRow>, b: Row<F, DepartmentRow>) => {
    const x = a.original[key] as string | null;
    const y = b.original[key] as string | null;
    if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
    return new Decimal(x).comparedTo(new Decimal(y));
  };
}
function byNumber(get: (r: DepartmentRow) => number | null) {
  return (a: Row<F, DepartmentRow>, b: Row<F, DepartmentRow>) => (get(a.original) ?? -1) - (get(b.original) ?? -1);
}

const amountColumn = (key: keyof DepartmentRow, header: string, show = wan): ColumnDef<F, DepartmentRow> => ({
  id: key,
  header,
  accessorFn: (r) => r[key],
  sortFn: byAmount(key),
  cell: ({ row }) => show(row.original[key] as string | null),
  meta: { num: true },
});

const columns: ColumnDef<F, DepartmentRow>[] = [
  {
    id: "department",
    header: "部门",
    accessorFn: (r) => `${r.code} ${r.name}`,
    filterFn: (row, _id, value: string) => `${row.original.code} ${row.original.name}`.includes(value),
    cell: ({ row }) => {
      const r = row.original;
      return r.budgetId ? (
        <Link href={`/review/${r.kind === "final" ? "finals" : "budgets"}/${r.budgetId}`}>
          {r.code} {r.name}
        </Link>
      ) : (
        `${r.code} ${r.name}`
      );
    },
  },
  {
    id: "status",
    header: "状态",
    accessorFn: (r) => r.status ?? "NONE",
    filterFn: (row, _id, value: string) => (row.original.status ?? "NONE") === value,
    sortFn: byNumber((r) => (r.status ? BUDGET_STATUSES.indexOf(r.status) : -1)),
    cell: ({ row }) => {
      const s = row.original.status;
      return s ? <span className={`badge ${s}`}>{STATUS_LABELS[s]}</span> : <span className="muted">未报送</span>;
    },
  },
  amountColumn("total", "支出合计"),
  amountColumn("totalChange", "比上年增减", signed),
  amountColumn("basic", "基本支出"),
  amountColumn("project", "项目支出"),
  amountColumn("threePublic", "“三公”经费"),
  amountColumn("threePublicChange", "“三公”增减", signed),
  { id: "errors", header: "错误", accessorFn: (r) => r.errors, sortFn: byNumber((r) => r.errors), meta: { num: true } },
  { id: "warnings", header: "提示", accessorFn: (r) => r.warnings, sortFn: byNumber((r) => r.warnings), meta: { num: true } },
  {
    id: "days",
    header: "报送天数",
    accessorFn: (r) => r.daysSinceSubmission,
    sortFn: byNumber((r) => r.daysSinceSubmission),
    cell: ({ row }) => (row.original.daysSinceSubmission === null ? "" : `${row.original.daysSinceSubmission} 天`),
    meta: { num: true },
  },
  {
    id: "stage",
    header: "审核阶段",
    accessorFn: (r) => r.stage?.name ?? null,
    filterFn: (row, _id, value: string) => (row.original.stage ? String(row.original.stage.id ?? "single") : "") === value,
    sortFn: byNumber((r) => r.stage?.days ?? null),
    cell: ({ row }) => {
      const st = row.original.stage;
      if (!st) return row.original.replyIssuedAt ? <span className="muted">已批复 {row.original.replyIssuedAt.slice(0, 10)}</span> : "";
      return (
        <span data-testid="stage-cell">
          {st.name}
          <br />
          <span className="muted small">
            {st.since.slice(0, 10)} 起，{st.days} 天 · {st.holders.length ? st.holders.join("、") : "未指定审核人"}
          </span>
        </span>
      );
    },
  },
  {
    id: "mine",
    header: "待办",
    accessorFn: (r) => (r.mine ? 1 : 0),
    filterFn: (row, _id, only: boolean) => !only || !!row.original.mine,
    cell: ({ row }) => (row.original.mine ? <strong>我的待办</strong> : ""),
  },
  {
    id: "ceilings",
    header: "控制数使用（万元）",
    accessorFn: (r) => r.ceilings?.filter((c) => c.exceeded).length ?? null,
    sortFn: byNumber((r) => r.ceilings?.filter((c) => c.exceeded).length ?? null),
    cell: ({ row }) => {
      const list = row.original.ceilings ?? [];
      if (list.length === 0) return <span className="muted">—</span>;
      return (
        <ul className={styles.ceilings} data-testid="ceiling-use">
          {list.map((c) => (
            <li key={c.label} className={c.exceeded ? styles.overdueText : undefined}>
              {c.label}：{wan(c.used)} / {wan(c.amount)}
              {c.exceeded ? `（超出 ${wan(new Decimal(c.left).negated().toFixed(2))}）` : `（余 ${wan(c.left)}）`}
            </li>
          ))}
        </ul>
      );
    },
  },
  {
    id: "deadline",
    header: "公开期限",
    accessorFn: (r) => r.deadline?.daysLeft ?? null,
    // Most urgent first when sorted ascending; no deadline last.
    sortFn: byNumber((r) => (r.deadline ? r.deadline.daysLeft + 100_000 : 1_000_000)),
    filterFn: (row, _id, onlyOverdue: boolean) => !onlyOverdue || !!row.original.deadline?.overdue,
    cell: ({ row }) => {
      const d = row.original.deadline;
      if (!d) return "";
      return d.overdue ? (
        <strong className={styles.overdueText}>
          {d.deadline} 已逾期 {-d.daysLeft} 天
        </strong>
      ) : (
        `${d.deadline}（剩 ${d.daysLeft} 天）`
      );
    },
  },
];

export function DistrictTable({ rows, totals, stages = [] }: { rows: DepartmentRow[]; totals: DistrictTotals; stages?: { id: number; name: string }[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
  });
  const filterOf = (id: string) => table.getColumn(id)?.getFilterValue();
  const shown = table.getRowModel().rows;
  const t = totals.amounts;

  return (
    <>
      <div className={styles.filters} role="search">
        <label>
          部门
          <input
            type="search"
            placeholder="编码或名称"
            value={(filterOf("department") as string | undefined) ?? ""}
            onChange={(e) => table.getColumn("department")?.setFilterValue(e.target.value || undefined)}
          />
        </label>
        <label>
          状态
          <select
            value={(filterOf("status") as string | undefined) ?? ""}
            onChange={(e) => table.getColumn("status")?.setFilterValue(e.target.value || undefined)}
          >
            <option value="">全部</option>
            <option value="NONE">未报送</option>
            {BUDGET_STATUSES.filter((s) => s !== "DRAFT").map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          审核阶段
          <select
            value={(filterOf("stage") as string | undefined) ?? ""}
            onChange={(e) => table.getColumn("stage")?.setFilterValue(e.target.value || undefined)}
          >
            <option value="">全部</option>
            {stages.length === 0 ? <option value="single">财政局审核</option> : null}
            {stages.map((st) => (
              <option key={st.id} value={String(st.id)}>
                {st.name}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={!!filterOf("mine")} onChange={(e) => table.getColumn("mine")?.setFilterValue(e.target.checked || undefined)} />
          我的待办
        </label>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={!!filterOf("deadline")}
            onChange={(e) => table.getColumn("deadline")?.setFilterValue(e.target.checked || undefined)}
          />
          只看逾期未公开
        </label>
        <span className="muted">
          显示 {shown.length} / {rows.length} 个部门
        </span>
      </div>
      <div className={styles.scroll}>
        <table className="data" data-testid="district-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const num = (header.column.columnDef.meta as { num?: boolean } | undefined)?.num;
                  return (
                    <th
                      key={header.id}
                      className={num ? "num" : undefined}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    >
                      <button type="button" className={styles.sort} onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-testid={`department-${row.original.code}`} className={row.original.deadline?.overdue ? styles.overdue : undefined}>
                {row.getAllCells().map((cell) => {
                  const num = (cell.column.columnDef.meta as { num?: boolean } | undefined)?.num;
                  return (
                    <td key={cell.id} className={num ? "num" : undefined}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="district-totals" className={styles.totals}>
              <th>区级汇总（{totals.departments} 个已报送部门，不受筛选影响）</th>
              <td />
              <td className="num">{wan(t.total)}</td>
              <td className="num">{totals.withChange.totalChange > 0 ? signed(t.totalChange) : "—"}</td>
              <td className="num">{wan(t.basic)}</td>
              <td className="num">{wan(t.project)}</td>
              <td className="num">{wan(t.threePublic)}</td>
              <td className="num">{totals.withChange.threePublicChange > 0 ? signed(t.threePublicChange) : "—"}</td>
              <td className="num">{totals.errors}</td>
              <td className="num">{totals.warnings}</td>
              <td />
              <td />
              <td />
              <td />
              <td>{totals.overdue > 0 ? <strong className={styles.overdueText}>{totals.overdue} 个部门逾期未公开</strong> : ""}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
