import type { Prisma } from "@/generated/prisma/client";
import type { FinalPackage } from "@/lib/final/package/schema";

/** The Budget row's own columns of a 决算 (what lists and the public directory show). */
export function finalColumns(pkg: FinalPackage) {
  return {
    unitName: pkg.unit.name,
    functions: pkg.unit.functions ?? [],
    structure: pkg.unit.structure ?? null,
    contactName: pkg.unit.contact?.name ?? null,
    contactPhone: pkg.unit.contact?.phone ?? null,
  };
}

export async function writeFinalContent(tx: Prisma.TransactionClient, budgetId: number, pkg: FinalPackage) {
  const json = pkg as unknown as Prisma.InputJsonValue;
  await tx.finalContent.upsert({ where: { budgetId }, create: { budgetId, package: json }, update: { package: json } });
}
