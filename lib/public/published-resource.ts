import { readPublished } from "@/lib/public/read-published";
import { findPublishedFinal, findPublishedUnit, type PublishedBudget, type PublishedFinal, type PublishedUnit } from "@/lib/db/queries/public-snapshots";
import { cachedPublishedBudget } from "./published-cache";
import { parsePublicKey, parseUnitCode, type PublicBudgetKey } from "./public-key";

export type BudgetParams = Promise<{ region: string; year: string; unit: string }>;

/** The published budget a public route addresses, or null for anything else (⇒ 404). */
export async function publishedFromParams(params: BudgetParams): Promise<{ key: PublicBudgetKey; budget: PublishedBudget } | null> {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  if (!key) return null;
  const budget = await readPublished((d) => cachedPublishedBudget(d, key));
  return budget ? { key, budget } : null;
}

export type UnitParams = Promise<{ region: string; year: string; unit: string; code: string }>;

/**
 * One unit's tables as published with the current version of its department's budget, or null
 * (⇒ 404): a unit of a department not published, or not among that version's units.
 */
export async function publishedUnitFromParams(params: UnitParams): Promise<{ key: PublicBudgetKey; unit: PublishedUnit } | null> {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  const code = parseUnitCode(p.code);
  if (!key || !code) return null;
  const unit = await readPublished(async (d) => {
    const department = await cachedPublishedBudget(d, key);
    return department ? findPublishedUnit(d, department, code) : null;
  });
  return unit ? { key, unit } : null;
}

/** The published 决算 a public route addresses, or null (⇒ 404: drafts and unpublished 决算 are never served). */
export async function publishedFinalFromParams(params: BudgetParams): Promise<{ key: PublicBudgetKey; budget: PublishedFinal } | null> {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  if (!key) return null;
  const budget = await readPublished((d) => findPublishedFinal(d, key));
  return budget ? { key, budget } : null;
}

export function notFoundJson(what: "预算" | "决算" = "预算"): Response {
  return Response.json({ error: `未找到已公开的部门${what}` }, { status: 404, headers: { "Cache-Control": "no-store" } });
}
