import { describe, expect, it } from "vitest";
import type { GridRow, GridTable } from "@/lib/public/layout";
import { head, label, text, amount } from "@/lib/public/layout/cells";
import { PAGE, type Op, type Page } from "./page";
import { tablePages } from "./table-pages";

const metrics = () => () => 1;
const texts = (page: Page) => page.ops.flatMap((o: Op) => (o.op === "text" ? [o.text] : []));

function table(body: GridRow[], note?: string): GridTable {
  return {
    key: "T2",
    id: "T2",
    title: "某单位一般公共预算财政拨款支出预算表",
    shortTitle: "一般公共预算财政拨款支出预算表",
    preface: [],
    unitLabel: "单位：万元",
    columns: 3,
    widths: [10, 30, 10],
    head: [
      [head("科目", 2), head("金额", 1, 2)],
      [head("编码"), head("名称")],
    ],
    body,
    ...(note ? { note } : {}),
  };
}

const rows = (n: number): GridRow[] => Array.from({ length: n }, (_, i) => ({ cells: [text(`${1000 + i}`), text(`第${i + 1}行`), amount("1.00")] }));

describe("tablePages", () => {
  it("puts a short table on one page: title first, header, rows, 备注", () => {
    const [page, ...rest] = tablePages(metrics, table(rows(3), "本表反映某情况。"), "表二");
    expect(rest).toEqual([]);
    expect(page!.bookmarks).toEqual(["表二"]);
    expect(texts(page!).slice(0, 2)).toEqual(["某单位一般公共预算财政拨款支出预算表", "单位：万元"]);
    expect(texts(page!)).toEqual(expect.arrayContaining(["科目", "编码", "名称", "金额", "第3行", "1.00", "备注：本表反映某情况。"]));
  });

  it("continues a long table under 续表 with its header repeated, every row printed once", () => {
    const pages = tablePages(metrics, table(rows(80), "本表反映某情况。"), "表二");
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.flatMap(texts);
    for (let i = 1; i <= 80; i++)
      expect(
        all.filter((t) => t === `第${i}行`),
        `第${i}行`,
      ).toHaveLength(1);
    for (const page of pages.slice(1)) {
      expect(texts(page)[0]).toBe("续表：某单位一般公共预算财政拨款支出预算表");
      expect(texts(page)).toEqual(expect.arrayContaining(["科目", "编码", "名称", "金额"]));
      expect(page.bookmarks).toEqual([]);
    }
    // The 备注 ends the last page, with rows above it.
    const last = texts(pages[pages.length - 1]!);
    expect(last[last.length - 1]).toBe("备注：本表反映某情况。");
    expect(last).toContain("第80行");
    // Nothing is drawn below the bottom margin.
    for (const page of pages) for (const op of page.ops) if (op.op === "rect") expect(op.y + op.h).toBeLessThanOrEqual(PAGE.bottom + 0.01);
  });

  it("splits a row taller than a page across pages, losing no line", () => {
    const long = "甲乙丙丁".repeat(700);
    const pages = tablePages(metrics, table([{ cells: [label("概述"), text(long, 2)] }]), "表十一");
    expect(pages.length).toBeGreaterThan(1);
    const printed = pages.flatMap(texts).filter((t) => "甲乙丙丁".includes(t[0]!));
    expect(printed.join("") === long).toBe(true);
    // The label is printed again beside each part.
    for (const page of pages) expect(texts(page)).toContain("概述");
  });

  it("keeps rows joined by a cell spanning them on one page, and repeats the label when they cannot fit", () => {
    const body: GridRow[] = [
      ...rows(10),
      { cells: [label("绩效指标", 1, 61), text("一级"), text("值")] },
      ...Array.from({ length: 60 }, (_, i) => ({ cells: [text(`指标${i + 1}`), text("1")] })),
    ];
    const pages = tablePages(metrics, table(body), "表十");
    const all = pages.flatMap(texts);
    for (let i = 1; i <= 60; i++) expect(all.filter((t) => t === `指标${i}`)).toHaveLength(1);
    const withIndicators = pages.filter((p) => texts(p).some((t) => t.startsWith("指标")));
    for (const page of withIndicators) expect(texts(page)).toContain("绩效指标");
  });
});
