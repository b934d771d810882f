import { describe, expect, it } from "vitest";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { tableLayouts } from "@/lib/public/layout";
import { commentPlace } from "./comment-anchors";
import { tableRowAnchors } from "./table-row-anchors";

const office = loadFixtures().find((f) => f.name === "beibei-government-office-2024")!;

describe("rows of the published tables a comment can point at (issue 13)", () => {
  const tables = buildTables(office.budget, office.catalog);
  const anchors = tableRowAnchors(tableLayouts(tables), tables);

  it("names a row by its subject code, labelled with the code and the name", () => {
    expect(anchors.T2).toContainEqual({ value: "2010301", label: "2010301 行政运行" });
    for (const id of ["T1", "T2", "T3", "T6", "T7", "T8", "T10"] as const) expect(anchors[id]?.length, id).toBeGreaterThan(0);
    for (const list of Object.values(anchors)) expect(new Set(list.map((a) => a.value)).size).toBe(list.length);
  });

  it("names a T11 row by its project code and shows the project's name", () => {
    const p = tables.T11![0]!.project;
    expect(anchors.T11![0]).toEqual({ value: p.code, label: `${p.name}（${p.code}）` });
  });

  it("lists a comment on a project by the project's name", () => {
    const names = new Map([["50010922T000000001234", "信息化运维"]]);
    expect(commentPlace("T11", "50010922T000000001234", names)).toBe("表11 项目支出绩效目标表 · 信息化运维");
    expect(commentPlace("projects", "50010922T000000001234", names)).toBe("项目支出 · 信息化运维");
    expect(commentPlace("T2", "2010301", names)).toBe("表2 一般公共预算财政拨款支出预算表 · 2010301");
    expect(commentPlace("projects", "unknown", names)).toBe("项目支出 · unknown");
  });
});
