import { packageToBudget } from "@/lib/budget/package/to-budget";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import type { Budget } from "@/lib/budget/model";
import { discloseBudget } from "@/lib/budget/disclose";
import type { NarrativeFigures } from "@/lib/budget/narrative";
import type { Finding } from "@/lib/budget/rules/types";
import type { DisclosureTables } from "@/lib/budget/tables";
import type { Catalog } from "@/lib/catalog/catalog";

export interface Evaluation {
  tables: DisclosureTables;
  findings: Finding[];
  /** The narrative's figures (machine form, changes signed), e.g. for the reason boxes. */
  figures: NarrativeFigures;
  /** The working budget the figures are computed from (元), e.g. for the use of its 控制数. */
  budget: Budget;
}

/** Tables, narrative figures and rule findings of a (valid) working package: what the workspace shows live. */
export function evaluatePackage(pkg: BudgetPackage, catalog: Catalog): Evaluation {
  const budget = packageToBudget(pkg);
  const { tables, narrative, findings } = discloseBudget({ budget, catalog });
  return { tables, findings, figures: narrative.figures, budget };
}
