import type { Prisma } from "@/generated/prisma/client";
import type { PackageError } from "@/lib/budget/package/schema";

/** Thrown inside an import's transaction to roll it back with user-facing errors. */
export class ImportRejected extends Error {
  constructor(readonly errors: PackageError[]) {
    super("import rejected");
  }
}

/**
 * The department a package (budget or 决算) belongs to, created with its region when new. A
 * region's name is master data (the admin's): a package cannot rename it silently.
 */
export async function departmentOfPackage(
  tx: Prisma.TransactionClient,
  pkg: { region: { code: string; name: string }; unit: { code: string; name: string } },
  what: "预算包" | "决算包",
) {
  const known = await tx.region.findUnique({ where: { code: pkg.region.code } });
  if (known && known.name !== pkg.region.name) {
    throw new ImportRejected([
      {
        path: "region.name",
        message: `行政区划.区划名称（region.name）：区划 ${known.code} 在系统中名为“${known.name}”，${what}中为“${pkg.region.name}”，请核对区划代码或名称`,
      },
    ]);
  }
  const region = known ?? (await tx.region.create({ data: { code: pkg.region.code, name: pkg.region.name } }));
  return tx.department.upsert({
    where: { regionId_code: { regionId: region.id, code: pkg.unit.code } },
    create: { regionId: region.id, code: pkg.unit.code, name: pkg.unit.name },
    update: {},
  });
}
