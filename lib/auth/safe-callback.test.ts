import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

const origin = "http://localhost:3000";

describe("the address after sign-in (issue 14: open redirect)", () => {
  it("keeps this site's paths, with query and hash", () => {
    expect(safeCallbackPath("/review?x=1#a", origin)).toBe("/review?x=1#a");
    expect(safeCallbackPath("/", origin)).toBe("/");
    expect(safeCallbackPath("http://localhost:3000/workspace/budgets/3", origin)).toBe("/workspace/budgets/3");
  });

  it("refuses every way to another host", () => {
    for (const cb of [
      "/\\evil.example/",
      "/\t/evil.example/",
      "//evil.example/",
      "\\\\evil.example",
      "/%5Cevil.example/".replace("%5C", "\\"),
      "http://evil.example/",
      "http://localhost:3000.evil.example/",
      "https://localhost:3000/",
      "javascript:alert(1)",
      "data:text/html,x",
      " //evil.example",
    ])
      expect(safeCallbackPath(cb, origin), JSON.stringify(cb)).toBe("/workspace");
    expect(safeCallbackPath(undefined, origin)).toBe("/workspace");
    expect(safeCallbackPath(["/a"], origin)).toBe("/workspace");
  });
});
