import { defineRule, type Rule } from "@/lib/budget/rules/types";
import type { FinalContext } from "@/lib/final/tables/context";
import type { FinalTables } from "@/lib/final/tables/types";
import type { FinalNarrativeFigures } from "@/lib/final/narrative";

export type { Finding, Severity } from "@/lib/budget/rules/types";

/** Everything a 决算 rule may read: the accounts, their printed atoms, the tables and narrative figures shown. */
export interface FinalRuleContext extends FinalContext {
  tables: FinalTables;
  narrative: FinalNarrativeFigures;
}

export type FinalRule = Rule<FinalRuleContext>;

/** Declares a 决算 rule: the budget's defineRule over the 决算's context. */
export const defineFinalRule = defineRule<FinalRuleContext>;
