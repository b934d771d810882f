import type Decimal from "decimal.js";
import { toWanYuan } from "@/lib/budget/money";
import { FUNDS, type Fund } from "@/lib/budget/model";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import type { Atom, AtomLine } from "@/lib/budget/trace";
import { THREE_PUBLIC_LABELS } from "@/lib/budget/trace/atoms";
import { economicName, functionName } from "@/lib/catalog/catalog";
import { COLUMN_KEYS, THREE_PUBLIC_KEYS, type ColumnKey } from "@/lib/final/model";
import type { FinalContext } from "@/lib/final/tables/context";

/**
 * The printed atoms of a 决算 (compute/shown.ts) with the 元 lines behind each: every printed
 * figure of the 决算 tables and narrative is a signed sum of these. An expenditure atom exists
 * once per column (年初预算数 / 全年预算数 / 决算数), since each column is rounded on its own.
 */
export interface FinalAtoms {
  /** Basic lines then projects, per column; `part` is basic | project. */
  expenditure: Record<ColumnKey, Atom[]>;
  /** Per project with a self-evaluation: the printed 上级/本级 split of A (全年预算数) and B (决算数). */
  selfEvaluations: { code: string; name: string; budget: { superior: Atom; local: Atom }; actual: { superior: Atom; local: Atom } }[];
  /** Income by 功能 × fund (printed lines of 收入决算表). */
  income: Atom[];
  opening: Atom[];
  closing: Atom[];
  /** 三公 items per column; `part` is the item. */
  threePublic: Record<ColumnKey, Atom[]>;
  meetings: Atom;
  training: Atom;
  /** goods, works, services, smallMedium, micro; `part` is the figure. */
  procurement: Atom[];
  /** The funds of the self-evaluated projects (or the one entered figure when the package holds no 自评表). */
  evaluatedFunds: Atom[];
  prior?: FinalPriorAtoms;
}

export interface FinalPriorAtoms {
  income: Atom[];
  expenditure: Atom[];
  opening: Atom[];
  closing: Atom[];
  personnel: Atom;
  public: Atom;
  operatingFunds: Atom;
  meetings: Atom;
  training: Atom;
  threePublic: Atom[];
}

export const FINAL_COLUMN_LABELS: Record<ColumnKey, string> = { initial: "年初预算数", adjusted: "全年预算数", actual: "决算数" };

export const PROCUREMENT_LABELS: Record<string, string> = {
  goods: "政府采购 货物",
  works: "政府采购 工程",
  services: "政府采购 服务",
  smallMedium: "授予中小企业合同金额",
  micro: "授予小微企业合同金额",
};

export function buildFinalAtoms(ctx: FinalContext): FinalAtoms {
  const { final, shown } = ctx;
  const fn = (code: string) => `${code} ${functionName(ctx.catalog, code)}`.trim();
  const ec = (code: string) => `${code} ${economicName(ctx.catalog, code)}`.trim();
  const col = (c: ColumnKey) => FINAL_COLUMN_LABELS[c];

  const expenditure = Object.fromEntries(
    COLUMN_KEYS.map((c) => {
      const basic: Atom[] = shown.basic.map((s) => {
        const key = `${s.function}|${s.economic}|${s.fund}`;
        return {
          key: `basic:${key}:${c}`,
          label: `基本支出 ${fn(s.function)} × ${ec(s.economic)}（${FUND_LABELS[s.fund]}）${col(c)}`,
          source: "basic",
          printed: s[c],
          function: s.function,
          economic: s.economic,
          fund: s.fund,
          part: "basic",
          lines: final.basicExpenditure
            .filter((l) => `${l.function}|${l.economic}|${l.fund}` === key)
            .map((l) => ({
              source: "basic" as const,
              function: l.function,
              economic: l.economic,
              fund: l.fund,
              column: c,
              amount: l[c],
              label: `基本支出 ${fn(l.function)} × ${ec(l.economic)} ${col(c)}`,
            })),
        };
      });
      const projects: Atom[] = final.projects.map((p, i) => ({
        key: `project:${i}:${c}`,
        label: `项目 ${p.code} ${p.name} ${col(c)}`,
        source: "project",
        printed: shown.projects[i]![c],
        function: p.function,
        ...(p.economic ? { economic: p.economic } : {}),
        fund: p.fund,
        part: "project",
        lines: [projectLine(p, c, p[c], `项目支出 ${p.code} ${p.name} ${col(c)}`)],
      }));
      return [c, [...basic, ...projects]];
    }),
  ) as Record<ColumnKey, Atom[]>;

  const selfEvaluations: FinalAtoms["selfEvaluations"] = [];
  final.projects.forEach((p, i) => {
    const se = p.selfEvaluation;
    const money = shown.selfEvaluations[i];
    if (!se || !money) return;
    const part = (c: "budget" | "actual", side: "superior" | "local"): Atom => {
      const what = `${c === "budget" ? "全年预算数" : "全年执行数"}·${side === "superior" ? "上级资金" : "本级资金"}`;
      return {
        key: `self:${i}:${c}:${side}`,
        label: `绩效自评 ${p.code} ${what}`,
        source: "project",
        printed: money[c][side],
        fund: p.fund,
        part: `${c}:${side}`,
        lines: [projectLine(p, c === "budget" ? "adjusted" : "actual", se[c][side], `绩效自评 ${p.code} ${p.name} ${what}`, side)],
      };
    };
    selfEvaluations.push({
      code: p.code,
      name: p.name,
      budget: { superior: part("budget", "superior"), local: part("budget", "local") },
      actual: { superior: part("actual", "superior"), local: part("actual", "local") },
    });
  });

  const income: Atom[] = shown.income.map((s) => ({
    key: `income:${s.function}|${s.fund}`,
    label: `收入 ${fn(s.function)}（${FUND_LABELS[s.fund]}）`,
    source: "income",
    printed: s.amount,
    function: s.function,
    fund: s.fund,
    lines: final.income
      .filter((l) => l.function === s.function && l.fund === s.fund)
      .map((l) => ({
        source: "income" as const,
        function: l.function,
        fund: l.fund,
        amount: l.amount,
        label: `本年收入 ${fn(l.function)}（${FUND_LABELS[l.fund]}）`,
      })),
  }));
  const byFund = (source: "carryover" | "closing", name: string, printed: Record<Fund, Decimal>, amounts: Record<Fund, Decimal>): Atom[] =>
    FUNDS.map((f) => ({
      key: `${source}:${f}`,
      label: `${name} ${FUND_LABELS[f]}`,
      source,
      printed: printed[f],
      fund: f,
      lines: [{ source, fund: f, amount: amounts[f], label: `${name} ${FUND_LABELS[f]}` }],
    }));
  const opening = byFund("carryover", "年初结转和结余", shown.opening, final.carryover.opening);
  const closing = byFund("closing", "年末结转和结余", shown.closing, final.carryover.closing);

  const threePublic = Object.fromEntries(
    COLUMN_KEYS.map((c) => [
      c,
      THREE_PUBLIC_KEYS.map((item) => ({
        key: `threePublic:${item}:${c}`,
        label: `“三公”经费 ${THREE_PUBLIC_LABELS[item]} ${col(c)}`,
        source: "threePublic" as const,
        printed: shown.threePublic[item][c],
        part: item,
        lines: [
          {
            source: "threePublic" as const,
            item,
            fund: "generalBudget",
            column: c,
            amount: final.threePublic[item][c],
            label: `${THREE_PUBLIC_LABELS[item]} ${col(c)}`,
          },
        ],
      })),
    ]),
  ) as Record<ColumnKey, Atom[]>;

  const single = (key: string, source: Atom["source"], label: string, printed: Decimal, amount: Decimal, item?: string): Atom => ({
    key,
    label,
    source,
    printed,
    ...(item ? { part: item } : {}),
    lines: [{ source, ...(item ? { item } : {}), amount, label }],
  });
  const procurement = (["goods", "works", "services", "smallMedium", "micro"] as const).map((k) =>
    single(`procurement:${k}`, "procurement", PROCUREMENT_LABELS[k]!, shown.procurement[k], final.procurement[k], k),
  );

  const evaluatedFunds =
    final.performance.evaluatedFunds !== undefined
      ? [
          single(
            "performance:evaluatedFunds",
            "performance",
            "开展绩效自评的项目资金（填报数）",
            toWanYuan(final.performance.evaluatedFunds),
            final.performance.evaluatedFunds,
          ),
        ]
      : final.projects.flatMap((p, i) => (p.selfEvaluation ? [expenditure.actual[shown.basic.length + i]!] : []));

  const py = final.priorYear;
  const sp = shown.prior;
  let prior: FinalPriorAtoms | undefined;
  if (py && sp) {
    const fundAtoms = (what: "income" | "expenditure" | "opening" | "closing", name: string) =>
      FUNDS.map((f) => ({
        ...single(`prior:${what}:${f}`, "prior", `上年${name} ${FUND_LABELS[f]}`, sp[what][f], py[what][f], what),
        fund: f,
        lines: [{ source: "prior" as const, item: what, fund: f, amount: py[what][f], label: `上年${name} ${FUND_LABELS[f]}` }],
      }));
    prior = {
      income: fundAtoms("income", "收入"),
      expenditure: fundAtoms("expenditure", "支出"),
      opening: fundAtoms("opening", "年初结转和结余"),
      closing: fundAtoms("closing", "年末结转和结余"),
      personnel: single("prior:personnel", "prior", "上年人员经费", sp.personnel, py.personnel, "personnel"),
      public: single("prior:public", "prior", "上年公用经费", sp.public, py.public, "public"),
      operatingFunds: single("prior:operatingFunds", "prior", "上年机关运行经费", sp.operatingFunds, py.operatingFunds, "operatingFunds"),
      meetings: single("prior:meetings", "prior", "上年会议费", sp.meetings, py.meetings, "meetings"),
      training: single("prior:training", "prior", "上年培训费", sp.training, py.training, "training"),
      threePublic: THREE_PUBLIC_KEYS.map((k) =>
        single(`prior:threePublic:${k}`, "prior", `上年“三公”经费 ${THREE_PUBLIC_LABELS[k]}`, sp.threePublic[k], py.threePublic[k], k),
      ),
    };
  }

  return {
    expenditure,
    selfEvaluations,
    income,
    opening,
    closing,
    threePublic,
    meetings: single("meetings", "meetings", "会议费", shown.meetings, final.meetings),
    training: single("training", "training", "培训费", shown.training, final.training),
    procurement,
    evaluatedFunds,
    ...(prior ? { prior } : {}),
  };
}

function projectLine(p: FinalContext["final"]["projects"][number], column: ColumnKey, amount: Decimal, label: string, item?: string): AtomLine {
  return {
    source: "project",
    function: p.function,
    ...(p.economic ? { economic: p.economic } : {}),
    fund: p.fund,
    project: p.code,
    column,
    ...(item ? { item } : {}),
    amount,
    label,
  };
}
