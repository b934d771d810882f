import { formatWanDisplay } from "@/lib/format";
import { describe, expect, it } from "vitest";
import { Decimal, formatWan, parseAmount, toWanYuan } from "./money";

describe("money", () => {
  it("parses exactly in both units", () => {
    expect(parseAmount("2514.61", "万元").toFixed(2)).toBe("25146100.00");
    expect(parseAmount("0.01", "元").toFixed(2)).toBe("0.01");
    expect(parseAmount("0", "万元").isZero()).toBe(true);
    expect(() => parseAmount("1.234", "元")).toThrow();
    expect(() => parseAmount("-1", "元")).toThrow();
  });

  it("rounds 元 to 万元 half up, once", () => {
    expect(toWanYuan(new Decimal("49.99")).toFixed(2)).toBe("0.00");
    expect(toWanYuan(new Decimal("50")).toFixed(2)).toBe("0.01");
    expect(toWanYuan(new Decimal("25146149.99")).toFixed(2)).toBe("2514.61");
    expect(toWanYuan(new Decimal("25146150")).toFixed(2)).toBe("2514.62");
  });

  it("formats machine and display forms", () => {
    expect(formatWan(new Decimal("2514.61"))).toBe("2514.61");
    expect(formatWan(new Decimal(0))).toBe("0.00");
    expect(formatWan(new Decimal("-0.001"))).toBe("0.00");
    expect(formatWanDisplay(new Decimal("2514.61"))).toBe("2,514.61");
    expect(formatWanDisplay(new Decimal("1234567.5"))).toBe("1,234,567.50");
    expect(formatWanDisplay(new Decimal("768.4"))).toBe("768.40");
    expect(formatWanDisplay(new Decimal("-1000"))).toBe("-1,000.00");
  });
});
