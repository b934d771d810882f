import type { Db } from "../client";

export interface DirectoryRegion {
  code: string;
  name: string;
  departments: { code: string; name: string; published: { year: number; publishedAt: Date }[] }[];
}

/**
 * What anyone may see: regions, their departments (names and codes are public) and which years
 * each department has published. Nothing about unpublished budgets is read.
 */
export async function publicDirectory(db: Db): Promise<DirectoryRegion[]> {
  const regions = await db.region.findMany({
    orderBy: { code: "asc" },
    include: {
      departments: {
        orderBy: { code: "asc" },
        include: {
          budgets: {
            where: { status: "PUBLISHED", kind: "budget" },
            orderBy: { year: "desc" },
            select: { year: true, publishedAt: true },
          },
        },
      },
    },
  });
  return regions.map((r) => ({
    code: r.code,
    name: r.name,
    departments: r.departments.map((d) => ({
      code: d.code,
      name: d.name,
      published: d.budgets.map((b) => ({ year: b.year, publishedAt: b.publishedAt ?? new Date(0) })),
    })),
  }));
}
