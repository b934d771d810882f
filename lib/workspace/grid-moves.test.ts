import { describe, expect, it } from "vitest";
import { moveFrom } from "./grid-moves";

describe("moveFrom", () => {
  it("moves up and down in a column, stopping at the edges", () => {
    expect(moveFrom({ row: 1, column: "amount" }, "down", 3)).toEqual({ row: 2, column: "amount" });
    expect(moveFrom({ row: 2, column: "amount" }, "down", 3)).toEqual({ row: 2, column: "amount" });
    expect(moveFrom({ row: 0, column: "fund" }, "up", 3)).toEqual({ row: 0, column: "fund" });
  });
  it("moves left and right in a row, stopping at the edges", () => {
    expect(moveFrom({ row: 0, column: "function" }, "left", 3)).toEqual({ row: 0, column: "function" });
    expect(moveFrom({ row: 0, column: "function" }, "right", 3)).toEqual({ row: 0, column: "economic" });
    expect(moveFrom({ row: 0, column: "amount" }, "right", 3)).toEqual({ row: 0, column: "amount" });
  });
  it("wraps Tab and Shift+Tab across lines and leaves the grid past its ends", () => {
    expect(moveFrom({ row: 0, column: "amount" }, "next", 3)).toEqual({ row: 1, column: "function" });
    expect(moveFrom({ row: 1, column: "function" }, "prev", 3)).toEqual({ row: 0, column: "amount" });
    expect(moveFrom({ row: 2, column: "amount" }, "next", 3)).toBeUndefined();
    expect(moveFrom({ row: 0, column: "function" }, "prev", 3)).toBeUndefined();
  });
  it("goes to the first or last line in the same column (Ctrl+Home / Ctrl+End)", () => {
    expect(moveFrom({ row: 7, column: "amount" }, "first", 500)).toEqual({ row: 0, column: "amount" });
    expect(moveFrom({ row: 7, column: "fund" }, "last", 500)).toEqual({ row: 499, column: "fund" });
  });
});
