import type { Db } from "../client";
import { publishedScope } from "../scope";

export interface DirectoryRegion {
  code: string;
  name: string;
  /** Years with at least one published budget, newest first, with how many departments. */
  years: { year: number; budgets: number }[];
  /** Years with at least one published 决算, newest first, with how many departments. */
  finalYears: { year: number; finals: number }[];
  departments: DirectoryDepartment[];
}

export interface DirectoryDepartment {
  code: string;
  name: string;
  /** Years this department has published, newest first. */
  published: number[];
  /** Years whose 决算 this department has published, newest first. */
  publishedFinals: number[];
}

/**
 * What anyone may see on the home page: regions, their departments (names and codes are public)
 * and which years each department has published. Only published budgets are read, and only their
 * year; `query` filters departments by name or code (case-insensitive substring).
 */
export async function publicDirectory(db: Db, query = ""): Promise<DirectoryRegion[]> {
  const q = query.trim().slice(0, 50);
  const regions = await db.region.findMany({
    orderBy: { code: "asc" },
    include: {
      departments: {
        orderBy: { code: "asc" },
        ...(q ? { where: { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { code: { contains: q, mode: "insensitive" as const } }] } } : {}),
        include: {
          budgets: {
            where: { AND: [publishedScope, { kind: "budget" }] },
            orderBy: { year: "desc" },
            select: { year: true },
          },
        },
      },
    },
  });
  // Region-level years count every department, even those the search filtered out.
  const counts = await db.budget.groupBy({
    by: ["year", "departmentId"],
    where: { AND: [publishedScope, { kind: "budget" }] },
  });
  const departmentRegion = new Map(
    (await db.department.findMany({ where: { id: { in: [...new Set(counts.map((c) => c.departmentId))] } }, select: { id: true, regionId: true } })).map(
      (d) => [d.id, d.regionId],
    ),
  );
  const finals = await db.budget.findMany({
    where: { AND: [publishedScope, { kind: "final" }] },
    orderBy: { year: "desc" },
    select: { year: true, department: { select: { id: true, regionId: true } } },
  });
  return regions
    .map((r) => {
      const finalYears = new Map<number, number>();
      for (const f of finals) if (f.department.regionId === r.id) finalYears.set(f.year, (finalYears.get(f.year) ?? 0) + 1);
      const perYear = new Map<number, number>();
      for (const c of counts) if (departmentRegion.get(c.departmentId) === r.id) perYear.set(c.year, (perYear.get(c.year) ?? 0) + 1);
      return {
        code: r.code,
        name: r.name,
        years: [...perYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, budgets]) => ({ year, budgets })),
        finalYears: [...finalYears.entries()].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, finals: count })),
        departments: r.departments.map((d) => ({
          code: d.code,
          name: d.name,
          published: d.budgets.map((b) => b.year),
          publishedFinals: finals.filter((f) => f.department.id === d.id).map((f) => f.year),
        })),
      };
    })
    .filter((r) => !q || r.departments.length > 0);
}
