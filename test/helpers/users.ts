export { sessionUserByName as sessionUser } from "@/lib/db/queries/session-user";
import type { Db } from "@/lib/db/client";

export async function budgetIdOf(db: Db, unit: string, year: number): Promise<number> {
  const b = await db.budget.findFirstOrThrow({ where: { year, subUnitId: null, department: { code: unit } } });
  return b.id;
}
