import { permittedUser } from "@/lib/auth/session";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { db } from "@/lib/db/client";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { budgetScope } from "@/lib/db/scope";
import { loadFinalById } from "@/lib/db/finals/read-final";

const notFound = () => Response.json({ error: "未找到该预算" }, { status: 404 });

/** The budget as budget-package/1, for a user allowed to export it; anything else is "not found". */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await permittedUser("budget.export");
  if (!user) return notFound();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) return notFound();
  // A 决算 is exported as stored: its package exactly as imported or last saved.
  const final = await loadFinalById(db(), id, budgetScope(user, "budget.export"));
  if (final) {
    return new Response(JSON.stringify(final.pkg, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="final-${final.pkg.region.code}-${final.pkg.unit.code}-${final.year}.json"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  const budget = await loadBudgetById(db(), id, budgetScope(user, "budget.export"));
  if (!budget) return notFound();
  const filename = `budget-${budget.region.code}-${budget.unit.code}-${budget.year}.json`;
  return new Response(JSON.stringify(budgetToPackage(budget), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
