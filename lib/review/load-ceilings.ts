import type { SessionUser } from "@/lib/auth/permissions";
import { ceilingLabel } from "@/lib/budget/ceilings";
import { formatWan, toWanYuan } from "@/lib/budget/money";
import type { Db } from "@/lib/db/client";
import Decimal from "decimal.js";

export interface CeilingsPage {
  region: { code: string; name: string };
  regions: { code: string; name: string }[];
  year: number;
  departments: {
    code: string;
    name: string;
    ceilings: { id: number; label: string; fund: string; kind: string; projectCode: string; amount: string; issued: boolean }[];
  }[];
  pending: number;
}

/** The 控制数 of a reviewer's region for one year, per department (万元), with what is not yet issued. */
export async function loadCeilings(db: Db, user: SessionUser, options: { region?: string; year?: number }): Promise<CeilingsPage | null> {
  const regionIds = user.memberships.filter((m) => m.role === "REVIEWER" && m.regionId !== null).map((m) => m.regionId!);
  const regions = await db.region.findMany({ where: { id: { in: regionIds } }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
  const region = options.region ? regions.find((r) => r.code === options.region) : regions[0];
  if (!region) return null;
  const year = options.year ?? (await latestYear(db, region.id));
  const departments = await db.department.findMany({
    where: { regionId: region.id },
    orderBy: { code: "asc" },
    select: { code: true, name: true, ceilings: { where: { year }, orderBy: [{ kind: "asc" }, { fund: "asc" }, { projectCode: "asc" }] } },
  });
  let pending = 0;
  return {
    region: { code: region.code, name: region.name },
    regions: regions.map((r) => ({ code: r.code, name: r.name })),
    year,
    departments: departments.map((d) => ({
      code: d.code,
      name: d.name,
      ceilings: d.ceilings.map((c) => {
        if (!c.issuedAt) pending++;
        return {
          id: c.id,
          label: ceilingLabel(c),
          fund: c.fund,
          kind: c.kind,
          projectCode: c.projectCode,
          amount: formatWan(toWanYuan(new Decimal(c.amount.toString()))),
          issued: c.issuedAt !== null,
        };
      }),
    })),
    pending,
  };
}

/** The year 控制数 are usually being prepared for: the one after the latest budget of the region. */
async function latestYear(db: Db, regionId: number): Promise<number> {
  const latest = await db.budget.findFirst({ where: { department: { regionId } }, orderBy: { year: "desc" }, select: { year: true } });
  return (latest?.year ?? new Date().getFullYear()) + 1;
}
