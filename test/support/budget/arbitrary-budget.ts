/**
 * fast-check generator of budgets in 元 with uneven amounts (any fen), balanced per fund, with
 * codes from the reference catalogue — the inputs on which the rounding design must hold.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { ZERO, sum } from "@/lib/budget/money";
import { CARRYOVER_FUNDS, FUNDS, type Budget, type Fund, type PriorYear, type ThreePublic } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";

const yuan = (max: number) => fc.integer({ min: 0, max }).map((fen) => new Decimal(fen).dividedBy(100));
/** Mostly general budget, as in real departments, but every fund occurs. */
const fund: fc.Arbitrary<Fund> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Fund>("generalBudget") },
  { weight: 4, arbitrary: fc.constantFrom<Fund>(...FUNDS) },
);

const threePublic: fc.Arbitrary<ThreePublic> = fc.record({
  abroad: yuan(5_000_000),
  vehiclePurchase: yuan(5_000_000),
  vehicleOperation: yuan(5_000_000),
  reception: yuan(5_000_000),
});

export function arbitraryBudget(catalog: Catalog): fc.Arbitrary<Budget> {
  const functions = [...catalog.functions.values()].filter((f) => f.level === 3).map((f) => f.code);
  const economics = [...catalog.economics.values()].filter((e) => e.level === 2).map((e) => e.code);
  const line = fc.record({
    function: fc.constantFrom(...functions),
    economic: fc.constantFrom(...economics),
    amount: yuan(2_000_000_000),
    fund,
  });
  const project = fc
    .record({ function: fc.constantFrom(...functions), amount: yuan(2_000_000_000), subsidyShare: fc.double({ min: 0, max: 1, noNaN: true }), fund })
    .map(({ function: fn, amount, subsidyShare, fund: f }) => {
      const superiorSubsidy = amount.times(subsidyShare).toDecimalPlaces(2, Decimal.ROUND_DOWN);
      return { fn, amount, superiorSubsidy, ownArrangement: amount.minus(superiorSubsidy), fund: f };
    });
  const prior = fc.record({
    byFunction: fc.dictionary(fc.constantFrom(...functions), yuan(2_000_000_000), { maxKeys: 8 }),
    basicShare: fc.double({ min: 0, max: 1, noNaN: true }),
    threePublic,
    operatingFunds: yuan(500_000_000),
    withFunctions: fc.boolean(),
  });
  return fc
    .record({
      lines: fc.array(line, { maxLength: 40 }),
      projects: fc.array(project, { maxLength: 8 }),
      carryShare: fc.double({ min: 0, max: 1, noNaN: true }),
      threePublic,
      procurement: fc.array(
        fc.record({ category: fc.constantFrom("goods" as const, "works" as const, "services" as const), fund, amount: yuan(100_000_000) }),
        { maxLength: 6 },
      ),
      prior: fc.option(prior, { nil: undefined }),
      vehicles: fc.nat({ max: 5 }),
    })
    .map((g): Budget => {
      const projects = g.projects.map((p, i) => ({
        code: `P${i}`,
        name: `项目${i}`,
        subUnit: "900001",
        function: p.fn,
        fund: p.fund,
        amount: p.amount,
        ownArrangement: p.ownArrangement,
        superiorSubsidy: p.superiorSubsidy,
        disclose: i % 2 === 0,
        indicators: [],
      }));
      const spending = (f: Fund) =>
        sum([...g.lines.filter((l) => l.fund === f).map((l) => l.amount), ...projects.filter((p) => p.fund === f).map((p) => p.amount)]);
      const carryover = { generalBudget: ZERO, governmentFund: ZERO, stateCapital: ZERO };
      const income = Object.fromEntries(FUNDS.map((f) => [f, ZERO])) as Record<Fund, Decimal>;
      for (const f of FUNDS) {
        const total = spending(f);
        if ((CARRYOVER_FUNDS as readonly string[]).includes(f)) {
          const carry = total.times(g.carryShare).toDecimalPlaces(2, Decimal.ROUND_DOWN);
          carryover[f as (typeof CARRYOVER_FUNDS)[number]] = carry;
          income[f] = total.minus(carry);
        } else income[f] = total;
      }
      let priorYear: PriorYear | undefined;
      if (g.prior) {
        const total = sum(Object.values(g.prior.byFunction));
        const basic = total.times(g.prior.basicShare).toDecimalPlaces(2, Decimal.ROUND_DOWN);
        priorYear = {
          ...(g.prior.withFunctions ? { expenditureByFunction: g.prior.byFunction } : {}),
          basic,
          project: total.minus(basic),
          threePublic: g.prior.threePublic,
          operatingFunds: g.prior.operatingFunds,
        };
      }
      return {
        format: "budget-package/1",
        kind: "budget",
        year: 2024,
        region: { code: "500109", name: "重庆市北碚区" },
        unit: { code: "900", name: "测试部门", functions: ["职能"], subUnits: [{ code: "900001", name: "测试部门（本级）" }], contact: {} },
        income: { ...income, carryover },
        basicExpenditure: g.lines,
        projects,
        threePublic: g.threePublic,
        procurement: g.procurement,
        assets: { vehicles: { general: g.vehicles, lawEnforcement: 0, other: 0 }, plannedPurchase: { general: 0, lawEnforcement: 0, other: 0 } },
        performance: { indicators: [] },
        narrative: { threePublic: {} },
        ...(priorYear ? { priorYear } : {}),
      };
    });
}
