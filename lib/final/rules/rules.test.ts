import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { packageToFinal, type FinalAccounts } from "@/lib/final/model";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { finalContext } from "@/lib/final/tables/context";
import { tablesOf } from "@/lib/final/tables";
import { narrativeOf } from "@/lib/final/narrative";
import { FINAL_RULES } from "./index";
import type { FinalRuleContext } from "./types";

const fixture = loadFinalFixtures().find((f) => f.name === "beibei-government-office-2020-final")!;
const yuan = (wan: string) => new Decimal(wan).times(10_000);

function contextWith(change: { final?: (f: FinalAccounts) => void; ctx?: (c: FinalRuleContext) => void } = {}): FinalRuleContext {
  const final = packageToFinal(fixture.pkg);
  change.final?.(final);
  const base = finalContext(final, fixture.catalog);
  const tables = tablesOf(base);
  const ctx = { ...base, tables: structuredClone(tables), narrative: structuredClone(narrativeOf(base, tables).figures) };
  change.ctx?.(ctx);
  return ctx;
}

interface Case {
  id: string;
  breaks: { final?: (f: FinalAccounts) => void; ctx?: (c: FinalRuleContext) => void };
  path: string;
  message: string;
  /** What makes the fixture pass this rule when it does not already. */
  passes?: (f: FinalAccounts) => void;
}

const CASES: Case[] = [
  {
    id: "final.catalogue-codes-valid",
    breaks: { final: (f) => (f.basicExpenditure[0]!.function = "20103") },
    path: "basicExpenditure[0].function",
    message: "“项”级",
  },
  {
    id: "final.balance-fund",
    breaks: { final: (f) => (f.carryover.closing.generalBudget = new Decimal("0.01")) },
    path: "carryover.closing.generalBudget",
    message: "收支不平衡",
  },
  {
    id: "final.prior-balance",
    breaks: { final: (f) => (f.priorYear!.opening.generalBudget = yuan("187.44")) },
    path: "priorYear",
    message: "上年决算数不平衡",
  },
  {
    id: "final.three-public-matches-lines",
    breaks: { final: (f) => (f.threePublic.reception.actual = yuan("1.91")) },
    path: "threePublic.reception.actual",
    message: "30217",
  },
  {
    id: "final.self-evaluation-actual-equals-project",
    breaks: { final: (f) => (f.projects[0]!.actual = yuan("39.99")) },
    path: "projects[0].selfEvaluation.actual",
    message: "不等于项目决算数",
  },
  {
    id: "final.self-evaluation-budget-equals-project",
    breaks: { final: (f) => (f.projects[1]!.adjusted = yuan("13")) },
    path: "projects[1].selfEvaluation.budget",
    message: "不等于项目全年预算数",
  },
  {
    id: "final.self-evaluation-scores",
    breaks: { final: (f) => (f.projects[1]!.selfEvaluation!.indicators[0]!.ratio = "90") },
    path: "projects[1].selfEvaluation.indicators[0].ratio",
    message: "应按全年完成值计算为 100%",
  },
  {
    id: "final.self-evaluation-reason-when-missed",
    breaks: { final: (f) => (f.projects[1]!.selfEvaluation!.indicators[1]!.actual = "70") },
    path: "projects[1].selfEvaluation.indicators[1].reason",
    message: "未说明原因",
  },
  {
    id: "final.evaluated-coverage",
    breaks: { final: (f) => (f.performance.evaluatedFunds = yuan("300")) },
    path: "performance.evaluatedFunds",
    message: "应在",
  },
  { id: "final.procurement-shares", breaks: { final: (f) => (f.procurement.micro = yuan("700")) }, path: "procurement.micro", message: "超过授予中小企业" },
  {
    id: "final.vehicles-held-match-assets",
    breaks: { final: (f) => (f.assets.vehicles.other = 1) },
    path: "threePublic.quantities.vehiclesHeld",
    message: "不一致",
  },
  {
    id: "final.income-total-equals-sources",
    breaks: { ctx: (c) => (c.tables.F1.income.total = "1911.06") },
    path: "F1.income.total",
    message: "不等于各收入来源之和",
  },
  {
    id: "final.expenditure-total-equals-basic-plus-project",
    breaks: { ctx: (c) => (c.tables.F3.total.total = "1918.26") },
    path: "F3.total.total",
    message: "不等于基本支出",
  },
  { id: "final.tables-totals-equal-rows", breaks: { ctx: (c) => (c.tables.F5.rows[0]!.total = "1462.95") }, path: "F5.total.total", message: "不等于各类之和" },
  {
    id: "final.reason-required-over-threshold",
    breaks: { final: (f) => delete f.reasons.byClass["208"] },
    path: "reasons.byClass.208",
    message: "较年初预算数增加 33.95 万元，但未说明原因",
    passes: (f) => {
      f.reasons.threePublic.total.initial = "主要原因是压减一般性支出";
      f.reasons.threePublic.reception.initial = "主要原因是严格控制陪餐人数";
    },
  },
];

describe("决算 rules", () => {
  it("have unique ids, Chinese titles, and a case each", () => {
    const ids = FINAL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of FINAL_RULES) expect(r.title).toMatch(/[\u4e00-\u9fff]/);
    expect(CASES.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  describe.each(CASES)("$id", (c) => {
    const rule = FINAL_RULES.find((r) => r.id === c.id)!;
    it("passes on the fixture", () => {
      expect(rule.check(contextWith({ final: c.passes }))).toEqual([]);
    });
    it("reports the broken case by path, in Chinese", () => {
      const findings = rule.check(contextWith({ final: (f) => (c.passes?.(f), c.breaks.final?.(f)), ...(c.breaks.ctx ? { ctx: c.breaks.ctx } : {}) }));
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0]).toMatchObject({ rule: c.id, severity: rule.severity, path: c.path });
      expect(findings[0]!.message).toContain(c.message);
    });
  });

  it("a change from zero and a fall to zero always need a reason, a small change does not", () => {
    const rule = FINAL_RULES.find((r) => r.id === "final.reason-required-over-threshold")!;
    const fromZero = rule.check(contextWith({ final: (f) => delete f.reasons.governmentFundIncome }));
    expect(fromZero.map((x) => x.path)).toContain("reasons.governmentFundIncome");
    const toZero = rule.check(contextWith({ final: (f) => delete f.reasons.closing }));
    expect(toZero.map((x) => x.path)).toContain("reasons.closing");
    const small = rule.check(contextWith({ final: (f) => delete f.reasons.byClass["210"] }));
    expect(small.map((x) => x.path)).not.toContain("reasons.byClass.210");
  });
});

describe("决算 rule examples (the rules page and `budget rules`)", () => {
  it.each(CASES)("$id: its example is the message and field its breaking case reports", async (c) => {
    const { FINAL_RULE_EXAMPLES } = await import("./examples");
    const rule = FINAL_RULES.find((r) => r.id === c.id)!;
    const [hit] = rule.check(contextWith({ final: (f) => (c.passes?.(f), c.breaks.final?.(f)), ...(c.breaks.ctx ? { ctx: c.breaks.ctx } : {}) }));
    if (process.env.PRINT_RULE_EXAMPLES) console.log(JSON.stringify({ id: c.id, path: hit!.path, message: hit!.message }));
    expect(FINAL_RULE_EXAMPLES[c.id]).toEqual({ path: hit!.path, message: hit!.message });
  });
});
