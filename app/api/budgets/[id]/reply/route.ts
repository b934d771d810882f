import { strictId } from "@/lib/validation/fields";
import { permittedUser } from "@/lib/auth/session";
import { notFound } from "@/lib/http/receive-upload";
import { db } from "@/lib/db/client";
import { findBudgetReply } from "@/lib/db/queries/budget-reply";

const budgetId = strictId();

/** The 批复 PDF of a budget as issued, for whoever may read the budget (its department, its reviewers). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await permittedUser("budget.read");
  if (!user) return notFound();
  const id = budgetId.safeParse((await params).id);
  if (!id.success) return notFound();
  const reply = await findBudgetReply(db(), user, id.data);
  if (!reply) return notFound();
  return new Response(new Uint8Array(reply.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="reply-${reply.unitCode}-${reply.year}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
