import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { OPERATORS } from "@/lib/budget/model";
import {
  displayAmount,
  displayAmountOrZero,
  formatDateTime,
  formatDay,
  formatShortDateTime,
  formatOperator,
  formatWanDisplay,
  OPERATOR_SIGNS,
  wanOfYuanText,
  wanText,
  yuanText,
} from ".";

describe("amounts", () => {
  it("groups thousands, keeps two decimals, never prints a negative zero", () => {
    expect(formatWanDisplay(new Decimal("2514.61"))).toBe("2,514.61");
    expect(formatWanDisplay(new Decimal("1234567.8"))).toBe("1,234,567.80");
    expect(formatWanDisplay(new Decimal("-375.605"))).toBe("-375.61");
    expect(formatWanDisplay(new Decimal("-0.001"))).toBe("0.00");
  });
  it("writes 万元 and 元 with their unit, 元 converted to 万元 for a reviewer", () => {
    expect(wanText(new Decimal("2514.61"))).toBe("2,514.61 万元");
    expect(wanText(new Decimal("1918.25"), "")).toBe("1,918.25万元");
    expect(wanOfYuanText(new Decimal("35000"))).toBe("3.50 万元");
    expect(yuanText(new Decimal("1200"))).toBe("1,200.00 元");
  });
  it("shows a table cell as the samples do: zero empty, except where zero must read 0.00", () => {
    expect(displayAmount("2514.61")).toBe("2,514.61");
    expect(displayAmount("1234567.80")).toBe("1,234,567.80");
    expect(displayAmount("0.00")).toBe("");
    expect(displayAmount(undefined)).toBe("");
    expect(displayAmountOrZero("0.00")).toBe("0.00");
    expect(displayAmountOrZero(undefined)).toBe("0.00");
  });
});

describe("dates", () => {
  it("uses Beijing time whatever the server's zone", () => {
    expect(formatDay(new Date("2024-02-29T17:00:00Z"))).toBe("2024年3月1日");
    // Computed without ICU since 1992: the same text as ICU's, at every hour's edge of Beijing's day.
    const icu = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2101, 0, 1); t += 7 * 3600 * 1000 + 61_000) {
      for (const d of [new Date(t), new Date(t - 1)]) expect(formatDay(d), d.toISOString()).toBe(icu.format(d));
    }
    expect(formatDateTime(new Date("2024-03-05T06:07:09Z"))).toBe("2024/3/5 14:07:09");
    expect(formatShortDateTime(new Date("2024-03-05T06:07:09Z"))).toBe("3/5 14:07");
  });
});

describe("operators", () => {
  it("prints every operator, half-width where the samples are", () => {
    expect(OPERATORS.map(formatOperator)).toEqual(OPERATORS.map((o) => OPERATOR_SIGNS[o]));
    expect(formatOperator(">=")).toBe("≥");
    expect(formatOperator("<=")).toBe("≤");
    expect(formatOperator("=")).toBe("=");
    expect(formatOperator(">")).toBe(">");
    expect(formatOperator("<")).toBe("<");
    expect(formatOperator("定性")).toBe("定性");
    // No full-width glyph anywhere: the editor and the published tables agree.
    expect(Object.values(OPERATOR_SIGNS).join("")).not.toMatch(/[＝＞＜]/);
  });
});
