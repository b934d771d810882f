import { describe, expect, it } from "vitest";
import { MAX_PACKAGE_BYTES, packageTooLarge } from "./package-limits";

describe("package size limit (issue 14)", () => {
  it("counts UTF-8 bytes, not characters: 2 M Chinese characters are too large", () => {
    const chinese = "预".repeat(2_000_000);
    expect(chinese.length).toBeLessThan(MAX_PACKAGE_BYTES);
    expect(packageTooLarge(chinese)).toBe(true);
    expect(packageTooLarge("a".repeat(MAX_PACKAGE_BYTES - 10))).toBe(false);
    expect(packageTooLarge('"'.repeat(MAX_PACKAGE_BYTES / 2 + 10))).toBe(true);
  });
});
