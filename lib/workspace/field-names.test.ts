import { describe, expect, it } from "vitest";
import { actionName, fieldName, humanizeMessage } from "./field-names";

describe("fieldName", () => {
  it.each([
    ["basicExpenditure[0].amount", "基本支出 第 1 行 金额"],
    ["threePublic.vehicleOperation", "“三公”经费 · 公务用车运行维护费"],
    ["projects[1].indicators[2].weight", "项目支出 第 2 个项目 绩效指标 第 3 个指标 权重"],
    ["income.generalBudget", "收入预算 · 一般公共预算拨款"],
    ["unit.subUnits[0].code", "预算部门 · 所属单位 第 1 个单位 单位编码"],
  ])("%s → %s", (path, name) => expect(fieldName(path)).toBe(name));
});

describe("humanizeMessage", () => {
  it("replaces the path-bearing lead and paths quoted inside", () => {
    expect(humanizeMessage("basicExpenditure[3].amount", "基本支出[3].金额（basicExpenditure[3].amount）：金额最多两位小数")).toBe(
      "基本支出 第 4 行 金额：金额最多两位小数",
    );
    expect(
      humanizeMessage("basicExpenditure[2]", "基本支出[2]（basicExpenditure[2]）：与 basicExpenditure[0] 重复（同一功能分类、经济分类和资金来源只能有一行）"),
    ).toBe("基本支出 第 3 行：与 基本支出 第 1 行 重复（同一功能分类、经济分类和资金来源只能有一行）");
  });
  it("leaves a message without a path alone", () => {
    expect(humanizeMessage("", "提交的内容格式不正确")).toBe("提交的内容格式不正确");
  });
});

describe("actionName", () => {
  it("names section edits and the other trail actions", () => {
    expect(actionName("edit.projects")).toBe("修改项目支出");
    expect(actionName("edit.three-public")).toBe("修改“三公”经费");
    expect(actionName("create.next-year")).toBe("由上年结转生成");
    expect(actionName("something")).toBeUndefined();
  });
});
