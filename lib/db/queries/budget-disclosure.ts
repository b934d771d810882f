import type { SessionUser } from "@/lib/auth/permissions";
import { discloseBudget } from "@/lib/budget/disclose";
import type { Db } from "../client";
import { budgetScope } from "../scope";
import { loadForEngine } from "../budgets/load-for-engine";

/** The tables and narrative of a budget exactly as the freeze would publish them now, for a user who may read it. */
export async function budgetDisclosure(db: Db, user: SessionUser, id: number) {
  const input = await loadForEngine(db, id, budgetScope(user, "budget.read"));
  if (!input) return null;
  const { tables, narrative, summary } = discloseBudget(input);
  return { tables, narrative: narrative.markdown, summary };
}
