import type { Catalog } from "@/lib/catalog/catalog";
import type { FinalAccounts } from "@/lib/final/model";
import { finalContext, type FinalContext } from "./context";
import { buildF1 } from "./f1-summary";
import { buildF2 } from "./f2-income";
import { buildF3 } from "./f3-expenditure";
import { buildF4 } from "./f4-fiscal-summary";
import { buildF5 } from "./f5-general-budget-by-function";
import { buildF6 } from "./f6-general-budget-basic-by-economic";
import { buildF7 } from "./f7-three-public";
import { buildF8 } from "./f8-government-fund";
import { buildF9 } from "./f9-state-capital";
import { buildF10 } from "./f10-self-evaluation";
import type { FinalTables } from "./types";

export type * from "./types";
export { FINAL_TABLE_TITLES } from "./template";

/** The tables of a context already built (evaluateFinal shares it with the narrative and rules). */
export function tablesOf(ctx: FinalContext): FinalTables {
  return {
    unit: { code: ctx.final.unit.code, name: ctx.final.unit.name },
    year: ctx.final.year,
    F1: buildF1(ctx),
    F2: buildF2(ctx),
    F3: buildF3(ctx),
    F4: buildF4(ctx),
    F5: buildF5(ctx),
    F6: buildF6(ctx),
    F7: buildF7(ctx),
    F8: buildF8(ctx),
    F9: buildF9(ctx),
    F10: buildF10(ctx),
  };
}

/** The nine 部门决算公开 tables and the 项目支出绩效自评表 of a 决算. */
export function buildFinalTables(final: FinalAccounts, catalog: Catalog): FinalTables {
  return tablesOf(finalContext(final, catalog));
}
