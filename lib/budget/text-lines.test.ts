import { describe, expect, it } from "vitest";
import { breaksAsNewlines, textLines } from "./text-lines";

describe("text lines", () => {
  it("splits on <br> in any spelling and on newlines", () => {
    expect(textLines("a<br>b<BR/>c<br />d\ne\r\nf")).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(textLines("one line")).toEqual(["one line"]);
  });
  it("turns <br> into newlines for a textarea and leaves other text alone", () => {
    expect(breaksAsNewlines("《规定》43号<br>《通知》")).toBe("《规定》43号\n《通知》");
    expect(breaksAsNewlines("a < b > c")).toBe("a < b > c");
  });
});
