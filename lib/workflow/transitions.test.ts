import { describe, expect, it } from "vitest";
import { actionsFrom, illegalTransitionMessage } from "./transitions";

describe("the budget state machine", () => {
  it("allows exactly the documented transitions", () => {
    expect(actionsFrom("DRAFT")).toEqual(["submit"]);
    expect(actionsFrom("SUBMITTED")).toEqual(["return", "approve", "unitAccept", "unitReturn"]);
    expect(actionsFrom("RETURNED")).toEqual(["submit"]);
    expect(actionsFrom("APPROVED")).toEqual(["publish", "unitReturn"]);
    expect(actionsFrom("PUBLISHED")).toEqual(["adjust"]);
  });

  it("explains a refusal in Chinese", () => {
    expect(illegalTransitionMessage("approve", "PUBLISHED")).toBe("已公开的预算不能审核通过（只有已报送的预算可以）");
    expect(illegalTransitionMessage("submit", "APPROVED")).toBe("审核通过的预算不能报送（只有编制中或已退回的预算可以）");
  });
});
