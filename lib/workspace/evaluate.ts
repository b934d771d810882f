import { packageToBudget } from "@/lib/budget/package/to-budget";
import type { BudgetPackage } from "@/lib/budget/package/schema";
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
}

/** Tables, narrative figures and rule findings of a (valid) working package: what the workspace shows live. */
export function evaluatePackage(pkg: BudgetPackage, catalog: Catalog): Evaluation {
  const { tables, narrative, findings } = discloseBudget({ budget: packageToBudget(pkg), catalog });
  return { tables, findings, figures: narrative.figures };
}
