import { readPublished } from "@/lib/public/read-published";
import type { PublishedBudget } from "@/lib/db/queries/public-snapshots";
import { cachedPublishedBudget } from "./published-cache";
import { parsePublicKey, type PublicBudgetKey } from "./public-key";

export type BudgetParams = Promise<{ region: string; year: string; unit: string }>;

/** The published budget a public route addresses, or null for anything else (⇒ 404). */
export async function publishedFromParams(params: BudgetParams): Promise<{ key: PublicBudgetKey; budget: PublishedBudget } | null> {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  if (!key) return null;
  const budget = await readPublished((d) => cachedPublishedBudget(d, key));
  return budget ? { key, budget } : null;
}

export function notFoundJson(): Response {
  return Response.json({ error: "未找到已公开的部门预算" }, { status: 404, headers: { "Cache-Control": "no-store" } });
}
