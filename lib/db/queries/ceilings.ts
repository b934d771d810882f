import Decimal from "decimal.js";
import type { Prisma } from "@/generated/prisma/client";
import type { Ceiling } from "@/lib/budget/ceilings";

type Tx = Prisma.TransactionClient;

const order = [{ kind: "asc" }, { fund: "asc" }, { projectCode: "asc" }] as const;

/** A department's 控制数 for a year as the bureau issued them (what accountants see and 报送 is held to). */
export async function issuedCeilings(tx: Tx, departmentId: number, year: number): Promise<Ceiling[]> {
  const rows = await tx.ceiling.findMany({ where: { departmentId, year, issuedAt: { not: null } }, orderBy: [...order] });
  return rows.map(toCeiling);
}

/** Every department's issued 控制数 for a year in one query, by department id. */
export async function issuedCeilingsByDepartment(tx: Tx, departmentIds: number[], year: number): Promise<Map<number, Ceiling[]>> {
  const rows = await tx.ceiling.findMany({ where: { departmentId: { in: departmentIds }, year, issuedAt: { not: null } }, orderBy: [...order] });
  const out = new Map<number, Ceiling[]>();
  for (const r of rows) out.set(r.departmentId, [...(out.get(r.departmentId) ?? []), toCeiling(r)]);
  return out;
}

function toCeiling(r: { fund: Ceiling["fund"]; kind: Ceiling["kind"]; projectCode: string; amount: Prisma.Decimal }): Ceiling {
  return { fund: r.fund, kind: r.kind, projectCode: r.projectCode, amount: new Decimal(r.amount.toString()) };
}
