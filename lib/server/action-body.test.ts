import { describe, expect, it } from "vitest";
import { isArgumentsJson } from "./action-body";

describe("server-action bodies (issue 14: no 500 for a malformed body)", () => {
  it("accepts what React sends: the arguments as a JSON array", () => {
    expect(isArgumentsJson('[{"budgetId":1}]')).toBe(true);
    expect(isArgumentsJson('["$undefined","$K1"]')).toBe(true);
  });
  it("refuses anything else", () => {
    for (const body of ["not json", "[", "{}", '"x"', "null", "", "\u0000", '{"0":1}', undefined, null])
      expect(isArgumentsJson(body), JSON.stringify(body)).toBe(false);
  });
});
