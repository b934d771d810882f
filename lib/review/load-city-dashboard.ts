import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadRegionSummaries, type RegionSummary } from "@/lib/db/queries/dashboard-rows";
import { budgetScope } from "@/lib/db/scope";

export interface CityDashboard {
  year: number;
  /** One line per district the reviewer reviews, by code. */
  districts: RegionSummary[];
}

/**
 * The overview of a reviewer who reviews several districts (a city's finance bureau): per
 * district its departments, how many budgets are 已报送/已退回/审核通过/已公开 and the sums of their
 * printed figures, read from the dashboard row cache in one statement (drafts stay unseen, as on
 * the district dashboard, and the sums equal the district dashboards' totals).
 */
export async function loadCityDashboard(db: Db, user: SessionUser, options: { year: number }): Promise<CityDashboard | null> {
  if (!hasPermission(user, "budget.review")) return null;
  const regionIds = user.memberships.filter((m) => m.role === "REVIEWER" && m.regionId !== null).map((m) => m.regionId!);
  if (regionIds.length === 0) return null;
  const districts = await loadRegionSummaries(db, regionIds, options.year, budgetScope(user, "budget.review"));
  return { year: options.year, districts };
}
