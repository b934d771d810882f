import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { replyTotals } from "./reply-totals";
import type { Project } from "./model";

describe("replyTotals", () => {
  it("states 基本/项目 by fund in 万元, totals summed from the printed lines", () => {
    const totals = replyTotals({
      basicExpenditure: [
        { function: "2010101", economic: "30101", fund: "generalBudget", amount: new Decimal("1234567.89") },
        { function: "2010101", economic: "30201", fund: "governmentFund", amount: new Decimal("50000") },
      ],
      projects: [{ code: "P1", fund: "generalBudget", amount: new Decimal("2000000") } as unknown as Project],
    });
    expect(totals).toEqual({
      total: "328.46",
      basic: "128.46",
      project: "200.00",
      byFund: [
        { fund: "generalBudget", label: "一般公共预算拨款", total: "323.46", basic: "123.46", project: "200.00" },
        { fund: "governmentFund", label: "政府性基金预算拨款", total: "5.00", basic: "5.00", project: "0.00" },
      ],
    });
  });
});
