import { describe, expect, it } from "vitest";
import { lagFromSamples, parseLsn } from "./replica";

describe("replica lag from WAL samples", () => {
  it("reads an LSN as one comparable number", () => {
    expect(parseLsn("0/3000060")).toBe(0x3000060n);
    expect(parseLsn("16/B374D848")! > parseLsn("15/FFFFFFFF")!).toBe(true);
    expect(parseLsn(null)).toBeNull();
    expect(parseLsn("garbage")).toBeNull();
  });
  it("is the age of the oldest primary position the replica has not replayed", () => {
    const samples = [
      { at: 1000, lsn: 10n },
      { at: 1500, lsn: 20n },
      { at: 2000, lsn: 30n },
    ];
    expect(lagFromSamples(samples, 30n, 2100)).toBe(0);
    expect(lagFromSamples(samples, 25n, 2100)).toBe(100);
    expect(lagFromSamples(samples, 5n, 4100)).toBe(3100);
    // A quiet primary is no lag, however long ago its last transaction was.
    expect(lagFromSamples([{ at: 0, lsn: 10n }], 10n, 3_600_000)).toBe(0);
  });
});
