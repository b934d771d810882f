import type { Db } from "@/lib/db/client";

export interface MissingCode {
  year: number;
  kind: "function" | "economic";
  code: string;
  /** Departments whose budgets of the year use it (names, at most a few). */
  departments: string[];
}

/**
 * Codes that budgets use but their year's catalogue lacks (a partial catalogue, or budgets stored
 * before the catalogue was corrected): what the administrator must import. One statement.
 */
export async function missingCatalogueCodes(db: Db): Promise<MissingCode[]> {
  const rows = await db.$queryRaw<{ year: number; kind: "function" | "economic"; code: string; departments: string[] }[]>`
    WITH used AS (
      SELECT b."year", 'function' AS kind, l."functionCode" AS code, b."departmentId" FROM "BasicLine" l JOIN "Budget" b ON b."id" = l."budgetId"
      UNION SELECT b."year", 'economic', l."economicCode", b."departmentId" FROM "BasicLine" l JOIN "Budget" b ON b."id" = l."budgetId"
      UNION SELECT b."year", 'function', p."functionCode", b."departmentId" FROM "Project" p JOIN "Budget" b ON b."id" = p."budgetId"
      UNION SELECT b."year", 'economic', p."economicCode", b."departmentId" FROM "Project" p JOIN "Budget" b ON b."id" = p."budgetId" WHERE p."economicCode" IS NOT NULL
    )
    SELECT u."year", u.kind, u.code, (array_agg(DISTINCT d."name"))[1:5] AS departments
      FROM used u JOIN "Department" d ON d."id" = u."departmentId"
     WHERE (u.kind = 'function' AND NOT EXISTS (SELECT 1 FROM "FunctionSubject" f WHERE f."year" = u."year" AND f."code" = u.code))
        OR (u.kind = 'economic' AND NOT EXISTS (SELECT 1 FROM "EconomicSubject" e WHERE e."year" = u."year" AND e."code" = u.code))
     GROUP BY u."year", u.kind, u.code
     ORDER BY u."year", u.kind DESC, u.code
     LIMIT 500`;
  return rows.map((r) => ({ year: Number(r.year), kind: r.kind, code: r.code, departments: r.departments }));
}
