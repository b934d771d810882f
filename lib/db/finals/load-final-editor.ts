import type { SessionUser } from "@/lib/auth/permissions";
import type { Finding } from "@/lib/budget/rules/types";
import { evaluateFinal } from "@/lib/final/evaluate";
import { packageToFinal } from "@/lib/final/model";
import type { FinalPackage } from "@/lib/final/package/schema";
import type { FinalTables } from "@/lib/final/tables/types";
import type { Db } from "../client";
import { budgetScope } from "../scope";
import { EDITABLE_STATUSES } from "../budgets/commit-content";
import { finalCatalog } from "./final-catalog";

export interface FinalEditorData {
  id: number;
  year: number;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED";
  version: number;
  editable: boolean;
  pkg: FinalPackage;
  names: Record<string, string>;
  findings: Finding[];
  tables: FinalTables;
  narrative: string;
  region: { code: string; name: string };
  scores: { score: string; indicators: { ratio: string; score: string }[] }[];
  comments: { id: number; body: string; createdAt: Date; author: string; resolved: boolean }[];
}

/** A 决算 as its workspace shows it, read inside the user's scope (elsewhere: null ⇒ 404). */
export async function loadFinalEditor(db: Db, user: SessionUser, id: number): Promise<FinalEditorData | null> {
  const row = await db.budget.findFirst({
    where: { AND: [budgetScope(user, "budget.read"), { id, kind: "final" }] },
    include: {
      department: { include: { region: true } },
      finalContent: true,
      comments: { include: { author: true }, orderBy: { createdAt: "asc" } },
      // A 退回 carries the reviewer's reasons in its event.
      events: { where: { action: "return", comment: { not: null } }, include: { actor: true }, orderBy: { id: "asc" } },
    },
  });
  if (!row?.finalContent) return null;
  const pkg = row.finalContent.package as FinalPackage;
  const catalog = await finalCatalog(db, row.year);
  const evaluation = evaluateFinal(packageToFinal(pkg), catalog);
  const names: Record<string, string> = {};
  const codes = [...(pkg.basicExpenditure ?? []).flatMap((l) => [l.function, l.economic]), ...(pkg.income ?? []).map((l) => l.function)];
  for (const c of codes) names[c] = catalog.functions.get(c)?.name ?? catalog.economics.get(c)?.name ?? "";
  const editable = (EDITABLE_STATUSES as readonly string[]).includes(row.status) && user.memberships.some((m) => m.role === "ACCOUNTANT");
  return {
    id: row.id,
    year: row.year,
    status: row.status,
    version: row.version,
    editable,
    pkg,
    names,
    findings: evaluation.findings,
    tables: evaluation.tables,
    narrative: evaluation.narrative.markdown,
    region: { code: row.department.region.code, name: row.department.region.name },
    scores: evaluation.tables.F10.map((t) => ({ score: t.score, indicators: t.indicators.map((i) => ({ ratio: i.ratio, score: i.score })) })),
    comments: [
      ...row.events.map((e) => ({ id: -e.id, body: `退回意见：${e.comment}`, createdAt: e.at, author: e.actor?.displayName ?? "财政局", resolved: false })),
      ...row.comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt, author: c.author.displayName, resolved: c.resolvedAt !== null })),
    ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
  };
}
