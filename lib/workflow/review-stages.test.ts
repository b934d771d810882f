import { describe, expect, it } from "vitest";
import { currentStage, mayActAtStage, nextStage } from "./review-stages";

const stages = [
  { id: 12, position: 2, name: "局领导审定" },
  { id: 11, position: 1, name: "业务科室初审" },
];
const reviewer = (reviewStageId: number | null, regionId = 7) => ({ role: "REVIEWER" as const, departmentId: null, regionId, reviewStageId });

describe("review stages", () => {
  it("starts at the first stage and moves in order; passing the last approves", () => {
    const first = currentStage(stages, null)!;
    expect(first.name).toBe("业务科室初审");
    const second = nextStage(stages, first)!;
    expect(second.name).toBe("局领导审定");
    expect(nextStage(stages, second)).toBeNull();
    expect(currentStage(stages, 12)).toBe(second);
  });

  it("is the one-stage case when the region has none", () => {
    expect(currentStage([], null)).toBeNull();
    expect(mayActAtStage([reviewer(null)], 7, null)).toBe(true);
    expect(mayActAtStage([reviewer(null, 8)], 7, null)).toBe(false);
  });

  it("lets a stage's reviewers act at that stage only", () => {
    const [second, first] = stages;
    expect(mayActAtStage([reviewer(11)], 7, first!)).toBe(true);
    expect(mayActAtStage([reviewer(11)], 7, second!)).toBe(false);
    expect(mayActAtStage([reviewer(12)], 7, first!)).toBe(false);
    expect(mayActAtStage([reviewer(null)], 7, second!)).toBe(true);
    expect(mayActAtStage([{ role: "ACCOUNTANT", departmentId: 1, regionId: null }], 7, first!)).toBe(false);
  });
});
