import Decimal from "decimal.js";
import { ZERO, sum } from "./money";
import { FUNDS, type Budget, type Fund, type InternalTransfer, type ProcurementLine, type Project } from "./model";

/** One unit's own budget (单位预算), under its unit code and name. */
export interface UnitBudget {
  code: string;
  name: string;
  budget: Budget;
}

/**
 * The project categories that mark an internal transfer: a project of the paying unit whose
 * `subUnit` names the receiving unit of the same department. 对附属单位补助 goes down to a
 * subordinate unit (its 上级补助收入), 上缴上级支出 up to the parent (its 附属单位上缴收入).
 */
export const INTERNAL_TRANSFER_CATEGORIES = { subsidy: "对附属单位补助", remit: "上缴上级支出" } as const;
const RECEIVING_FUND = { subsidy: "superiorSubsidy", remit: "subordinateRemit" } as const satisfies Record<InternalTransfer["kind"], Fund>;
const KINDS = ["subsidy", "remit"] as const;

function transferKind(p: Project): InternalTransfer["kind"] | null {
  if (p.category === INTERNAL_TRANSFER_CATEGORIES.subsidy) return "subsidy";
  if (p.category === INTERNAL_TRANSFER_CATEGORIES.remit) return "remit";
  return null;
}

/**
 * 部门汇总: the department's budget as its own part plus every unit's budget. Every line keeps its
 * unit (`subUnit`), every amount is the sum of the units', and the internal transfers between
 * units are eliminated: the paying unit's transfer project and as much of the receiving unit's
 * 上级补助收入 / 附属单位上缴收入 as it matches are dropped, and the receiving unit's lines paid
 * from that income are counted under the fund the payer paid from (the department's money
 * is counted once, under where it came from). The department's own part gives everything that
 * is not an amount (name, functions, narrative, performance goal, disclosure, prior year).
 * Whether the two sides match is left to the rule (consolidation.internal-transfers-match),
 * which reads `internalTransfers`.
 */
export function consolidate(own: Budget, units: readonly UnitBudget[]): Budget {
  if (units.length === 0) return own;
  const nameOf = new Map(units.map((u) => [u.code, u.name]));
  const transfers: InternalTransfer[] = [];
  // Per receiving unit and kind: the transfer projects naming it.
  const paidTo = (kind: InternalTransfer["kind"], code: string) =>
    units.flatMap((u) => u.budget.projects.filter((p) => transferKind(p) === kind && p.subUnit === code).map((p) => ({ payer: u, project: p })));

  const eliminated = { superiorSubsidy: ZERO, subordinateRemit: ZERO };
  /** Per unit: the fund its lines paid from a received transfer are counted under. */
  const refund = new Map<string, Partial<Record<Fund, Fund>>>();
  for (const unit of units) {
    for (const kind of KINDS) {
      const fund = RECEIVING_FUND[kind];
      const payments = paidTo(kind, unit.code);
      const received = unit.budget.income[fund];
      // 附属单位上缴收入 can only come from the department's own units; 上级补助收入 may also come
      // from outside (a city grant), so it is internal only when a unit says it paid it.
      if (payments.length === 0 && (kind === "subsidy" || received.isZero())) continue;
      const paid = sum(payments.map((p) => p.project.amount));
      transfers.push({
        kind,
        payers: [...new Set(payments.map((p) => p.payer.name))],
        receiver: { code: unit.code, name: unit.name },
        paid,
        received,
      });
      const matched = Decimal.min(paid, received);
      eliminated[fund] = eliminated[fund].plus(matched);
      const payerFunds = new Set(payments.map((p) => p.project.fund));
      if (matched.equals(received) && payerFunds.size === 1) refund.set(unit.code, { ...refund.get(unit.code), [fund]: [...payerFunds][0]! });
    }
  }

  const unitFund = (code: string, fund: Fund) => refund.get(code)?.[fund] ?? fund;
  const all = [{ code: undefined as string | undefined, budget: own }, ...units.map((u) => ({ code: u.code as string | undefined, budget: u.budget }))];
  const income = { ...own.income, carryover: { ...own.income.carryover } };
  for (const fund of FUNDS) income[fund] = sum(all.map((u) => u.budget.income[fund]));
  for (const fund of ["generalBudget", "governmentFund", "stateCapital"] as const)
    income.carryover[fund] = sum(all.map((u) => u.budget.income.carryover[fund]));
  income.superiorSubsidy = income.superiorSubsidy.minus(eliminated.superiorSubsidy);
  income.subordinateRemit = income.subordinateRemit.minus(eliminated.subordinateRemit);

  const subUnits = [...own.unit.subUnits.filter((s) => !nameOf.has(s.code)), ...units.map((u) => ({ code: u.code, name: u.name }))];
  const procurement = new Map<string, ProcurementLine>();
  for (const line of all.flatMap((u) => u.budget.procurement)) {
    const key = `${line.category}/${line.fund}`;
    const seen = procurement.get(key);
    procurement.set(key, seen ? { ...seen, amount: seen.amount.plus(line.amount) } : line);
  }
  const counts = (pick: (b: Budget) => { general: number; lawEnforcement: number; other: number }) => ({
    general: all.reduce((n, u) => n + pick(u.budget).general, 0),
    lawEnforcement: all.reduce((n, u) => n + pick(u.budget).lawEnforcement, 0),
    other: all.reduce((n, u) => n + pick(u.budget).other, 0),
  });
  const threePublic = (key: keyof Budget["threePublic"]) => sum(all.map((u) => u.budget.threePublic[key]));

  return {
    ...own,
    unit: { ...own.unit, subUnits },
    income,
    basicExpenditure: all.flatMap(({ code, budget }) =>
      budget.basicExpenditure.map((l) => (code === undefined ? l : { ...l, fund: unitFund(code, l.fund), subUnit: code })),
    ),
    projects: all.flatMap(({ code, budget }) =>
      budget.projects
        .filter((p) => code === undefined || transferKind(p) === null || !nameOf.has(p.subUnit))
        .map((p) => (code === undefined ? p : { ...p, fund: unitFund(code, p.fund), subUnit: p.subUnit || code })),
    ),
    threePublic: {
      abroad: threePublic("abroad"),
      vehiclePurchase: threePublic("vehiclePurchase"),
      vehicleOperation: threePublic("vehicleOperation"),
      reception: threePublic("reception"),
    },
    procurement: [...procurement.values()],
    assets: { ...own.assets, vehicles: counts((b) => b.assets.vehicles), plannedPurchase: counts((b) => b.assets.plannedPurchase) },
    internalTransfers: transfers,
  };
}
