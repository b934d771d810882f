import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { budgetDisclosure } from "@/lib/db/queries/budget-disclosure";

const notFound = () => Response.json({ error: "未找到该预算" }, { status: 404 });

/** The tables (JSON form of the disclosure spec) and narrative of a budget as saved now, for a user who may read it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await permittedUser("budget.read");
  if (!user) return notFound();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) return notFound();
  const disclosure = await budgetDisclosure(db(), user, id);
  if (!disclosure) return notFound();
  return Response.json(disclosure, { headers: { "Cache-Control": "private, no-store" } });
}
