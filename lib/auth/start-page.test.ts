import { describe, expect, it } from "vitest";
import { startPage } from "./start-page";

describe("the start page after sign-in (issue 13)", () => {
  it("sends each role to its own screen", () => {
    expect(startPage([{ role: "ACCOUNTANT" }])).toBe("/workspace");
    expect(startPage([{ role: "REVIEWER" }])).toBe("/review");
    expect(startPage([{ role: "ADMIN" }])).toBe("/admin");
    expect(startPage([])).toBe("/");
  });
});
