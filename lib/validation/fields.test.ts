import { describe, expect, it } from "vitest";
import { z } from "zod";
import { importInput, resolveCommentInput, startAdjustmentInput, submitInput } from "@/lib/actions/budget/budget.schema";
import { createSubUnitSchema, renameSchema } from "@/lib/actions/admin/units.schema";
import { setActiveSchema } from "@/lib/actions/admin/users.schema";
import { transitionSchema } from "@/lib/actions/review/review.schema";
import { parsePackageValue } from "@/lib/budget/package/schema";
import { UNIT_CODE_MAX_DIGITS } from "@/lib/budget/package/codes";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { nameField, strictId } from "./fields";

const message = (r: z.ZodSafeParseResult<unknown>) => (r.success ? null : r.error.issues[0]!.message);

describe("ids are parsed strictly (issue 14)", () => {
  it("accepts decimal digits and safe integers only", () => {
    expect(strictId().parse("12")).toBe(12);
    expect(strictId().parse(12)).toBe(12);
    for (const bad of ["0x1", "1e0", " 1", "1.0", "01", "+1", "0", "-1", "", "9007199254740993", 1.5, 0, -1, Number.NaN, true, null])
      expect(strictId().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(message(transitionSchema.safeParse({ budgetId: "0x1", expectedVersion: "1" }))).toBe("参数无效");
    expect(message(renameSchema.safeParse({ kind: "region", id: "1e0", name: "x" }))).toBe("参数无效");
  });
});

describe("booleans are booleans (issue 14)", () => {
  it('apply: "false" (a string) is refused, not read as true', () => {
    const base = { budgetId: 1, expectedVersion: 1, text: "{}", mode: "merge" };
    expect(importInput.safeParse({ ...base, apply: false }).success).toBe(true);
    expect(message(importInput.safeParse({ ...base, apply: "false" }))).toBe("请求无效");
    expect(setActiveSchema.safeParse({ userId: "1", active: "false" }).data?.active).toBe(false);
    expect(setActiveSchema.safeParse({ userId: "1", active: "yes" }).success).toBe(false);
  });
});

describe("action inputs of the wrong type get a Chinese message (issue 14)", () => {
  it("a number or an object as a comment or answer", () => {
    expect(message(resolveCommentInput.safeParse({ budgetId: 1, commentId: 2, answer: 42 }))).toBe("答复应为文字");
    expect(message(resolveCommentInput.safeParse({ budgetId: 1, commentId: 2, answer: { toString: 1 } }))).toBe("答复应为文字");
    expect(message(submitInput.safeParse({ budgetId: 1, expectedVersion: 1, comment: ["x"] }))).toBe("报送说明应为文字");
    expect(message(submitInput.safeParse(null))).toBeTruthy();
    expect(message(startAdjustmentInput.safeParse({ budgetId: 1, expectedVersion: 1, comment: 7 }))).toBe("发起预算调整时必须填写调整原因");
  });
  it("bounds the 报送 and 调整 comments", () => {
    expect(message(submitInput.safeParse({ budgetId: 1, expectedVersion: 1, comment: "长".repeat(1_900_000) }))).toBe("报送说明不能超过 2000 字");
    expect(message(startAdjustmentInput.safeParse({ budgetId: 1, expectedVersion: 1, comment: "长".repeat(2001) }))).toBe("调整原因不能超过 2000 字");
  });
});

describe("names are normalised (issue 14)", () => {
  const name = nameField("单位名称", 100);
  it("NFC and trimmed", () => {
    expect(name.parse("  Cafe\u0301 办公室 ")).toBe("Café 办公室");
  });
  it("refuses control and bidi-override characters and invisible-only names", () => {
    expect(message(name.safeParse("\u200b\u200c\u2060"))).toBe("单位名称不能只由不可见字符组成");
    expect(message(name.safeParse("\u3164"))).toBe("单位名称不能只由不可见字符组成");
    expect(message(name.safeParse("办公室\u202e局"))).toBe("单位名称不能含有改变文字方向的控制字符");
    expect(message(name.safeParse("办公\n室"))).toBe("单位名称不能含有控制字符（如换行、制表符）");
    expect(message(name.safeParse("   "))).toBe("请填写单位名称");
  });
  it("applies to the names of a budget package", () => {
    const [fixture] = loadFixtures();
    const pkg = structuredClone(fixture!.pkg) as { unit: { name: string } };
    pkg.unit.name = "\u200b\u200b";
    const r = parsePackageValue(pkg);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.message).toMatch(/不能只由不可见字符组成/);
    pkg.unit.name = "信访\u202e办公室";
    expect(parsePackageValue(pkg).ok).toBe(false);
    pkg.unit.name = " 信访办公室 ";
    const ok = parsePackageValue(pkg);
    expect(ok.ok && ok.pkg.unit.name).toBe("信访办公室");
  });
});

describe("lists and codes have the package's bounds (issue 14)", () => {
  it("a 职能 list of 35,000 entries is refused in Chinese", () => {
    const [fixture] = loadFixtures();
    const pkg = structuredClone(fixture!.pkg) as { unit: { functions?: string[] } };
    pkg.unit.functions = Array.from({ length: 35_000 }, (_, i) => `职能 ${i}`);
    const r = parsePackageValue(pkg);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.message).toMatch(/条目过多（最多 100 项）/);
  });
  it("a sub-unit code the admin may create is one the package accepts, and no longer", () => {
    const ok = "1".repeat(UNIT_CODE_MAX_DIGITS);
    const long = "1".repeat(UNIT_CODE_MAX_DIGITS + 1);
    expect(createSubUnitSchema.safeParse({ departmentId: "1", code: ok, name: "单位" }).success).toBe(true);
    expect(message(createSubUnitSchema.safeParse({ departmentId: "1", code: "1".repeat(30), name: "单位" }))).toMatch(/单位编码应为 1–20 位数字/);
    const [fixture] = loadFixtures();
    const pkg = structuredClone(fixture!.pkg) as { unit: { subUnits?: { code: string; name: string }[] } };
    pkg.unit.subUnits = [{ code: ok, name: "单位" }];
    expect(parsePackageValue(pkg).ok).toBe(true);
    pkg.unit.subUnits = [{ code: long, name: "单位" }];
    expect(parsePackageValue(pkg).ok).toBe(false);
  });
});
