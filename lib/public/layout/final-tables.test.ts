import { describe, expect, it } from "vitest";
import { evaluateFinal } from "@/lib/final/evaluate";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { finalTableLayouts, placeCells } from "./index";

describe("决算 table layouts", () => {
  const f = loadFinalFixtures()[0]!;
  const grids = finalTableLayouts(evaluateFinal(f.final, f.catalog).tables);

  it("lays out F1–F9 and one 绩效自评表 per evaluated project, each grid filling its columns exactly", () => {
    expect(grids.map((g) => g.key).slice(0, 9)).toEqual(["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9"]);
    expect(grids.filter((g) => g.id === "F10").length).toBe(f.pkg.projects!.filter((p) => p.selfEvaluation).length);
    for (const g of grids) {
      expect(() => placeCells([...g.head, ...g.body.map((r) => r.cells)], g.columns), g.key).not.toThrow();
      expect(g.widths, g.key).toHaveLength(g.columns);
    }
  });

  it("prints the seed's totals: 收入支出总计 1918.25 and 三公 决算 43.22", () => {
    const amounts = (key: string) => grids.find((g) => g.key === key)!.body.flatMap((r) => r.cells.flatMap((c) => (c.kind === "amount" ? [c.amount] : [])));
    expect(amounts("F1")).toContain("1918.25");
    expect(amounts("F7")).toContain("43.22");
    expect(grids[0]!.title).toBe("重庆市北碚区人民政府办公室2020年度收入支出决算总表");
  });
});
