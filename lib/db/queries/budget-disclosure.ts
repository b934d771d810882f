import type { SessionUser } from "@/lib/auth/permissions";
import { buildNarrative } from "@/lib/budget/narrative";
import { buildTables } from "@/lib/budget/tables";
import type { Db } from "../client";
import { budgetScope } from "../scope";
import { loadForEngine } from "../budgets/load-for-engine";

/** The tables and narrative of a budget as they would be published now, for a user who may read it. */
export async function budgetDisclosure(db: Db, user: SessionUser, id: number) {
  const input = await loadForEngine(db, id, budgetScope(user, "budget.read"));
  if (!input) return null;
  const options = input.prior ? { prior: input.prior } : {};
  return {
    tables: buildTables(input.budget, input.catalog, options),
    narrative: buildNarrative(input.budget, input.catalog, options).markdown,
  };
}
