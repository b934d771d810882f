import { formatShortDateTime } from "@/lib/format";
import type { SessionUser } from "@/lib/auth/permissions";
import { hasPermission } from "@/lib/auth/permissions";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { checkSection, type SectionError } from "@/lib/workspace/check-section";
import { SECTION_PART, SECTIONS, type SectionId, type SectionValues } from "@/lib/workspace/sections";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import type { Db } from "@/lib/db/client";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import type { Prisma } from "@/generated/prisma/client";
import type { Failure, Result } from "@/lib/result";
import { loadCatalog } from "@/lib/db/catalog-store";
import { budgetScope } from "@/lib/db/scope";
import { budgetFromRows, type BudgetContent } from "@/lib/db/budgets/read-budget";
import { readSection } from "@/lib/db/budgets/read-section";
import type { PartKey } from "@/lib/db/budgets/load-for-engine";
import type { BudgetPart } from "@/lib/budget/parts";
import { commitContent, commitInOneStatement, EDITABLE_STATUSES, oneStatementParts } from "@/lib/db/budgets/commit-content";

export type SaveResult = Result<
  { version: number; unchanged?: true },
  | Failure<{ code: "invalid"; errors: SectionError[] }>
  | Failure<{
      code: "conflict";
      currentVersion: number;
      /** The section as saved meanwhile (form values), to show beside the editor's and to merge. */
      theirs?: unknown;
      /** Who saved it meanwhile, and when; `self` when it was the same account (another window). */
      savedBy?: { name: string; self: boolean; at: string };
    }>
  | Failure<{ code: "refused" }>
>;

class Rejected extends Error {
  constructor(readonly result: Exclude<SaveResult, { ok: true }>) {
    super(result.code);
  }
}

/**
 * Saves one section of a budget. The server validates the section again (the same schema as the
 * form), checks the department scope inside the query, refuses a budget that is not 编制中/已退回,
 * and bumps the version only if nobody saved since the editor loaded it (optimistic locking): the
 * loser gets a conflict and keeps their input on screen.
 *
 * Only the section is read, validated and diffed for the trail (with what its validation refers
 * to: projects name sub-units; the basic lines are compared and diffed by their statement, and read
 * here only when the version moved), and all of it before the write, so that 20 editors saving at once
 * queue neither for a connection nor for a row lock while others compute. The write is one short
 * transaction whose conditional UPDATE re-checks version and status under the row lock: whatever
 * was read stays the base only if nobody committed since, so no update is lost.
 */
export async function saveSection<S extends SectionId>(
  db: Db,
  actor: SessionUser,
  input: {
    budgetId: number;
    expectedVersion: number;
    section: S;
    values: SectionValues<S>;
    /** The section as this editor loaded it: when only other sections changed since, the save merges. */
    base?: SectionValues<S>;
  },
): Promise<SaveResult> {
  if (!hasPermission(actor, "budget.edit")) return { ok: false, code: "refused", message: "您没有编辑预算的权限" };
  if (!SECTIONS[input.section]) return { ok: false, code: "refused", message: "未知的预算部分" };
  const scope = budgetScope(actor, "budget.edit");
  const part = SECTION_PART[input.section];
  try {
    // The basic section's statement compares the lines it is given with the stored ones itself
    // (commitInOneStatement), so its save reads them only to resolve a version that moved since
    // the editor loaded it: 200 lines read, parsed and turned into a package were a third of a
    // save's CPU on the server's one thread, which 20 editors at once queue for (issue 17 (5)).
    const oneStatement = oneStatementParts([part]);
    let row = await readEditable(db, input.budgetId, scope, oneStatement ? [] : SECTION_READS[part]);
    if (oneStatement && row.version !== input.expectedVersion) row = await readEditable(db, input.budgetId, scope, SECTION_READS[part]);
    const catalog = await loadCatalog(db, row.year, row.catalogStamp);
    if (!catalog) throw new Rejected({ ok: false, code: "refused", message: `数据库中没有 ${row.year} 年的科目目录` });
    // The budget with only this section's parts: every other part is empty on both sides of the
    // comparison, validation and diff below, so they see this section alone.
    const current = budgetFromRows({ ...NO_PARTS, ...row.content });
    const base = budgetToPackage(current, { unit: "元" });
    if (row.version !== input.expectedVersion) {
      // Saved meanwhile (another window, a colleague): a save of a section nobody else
      // touched merges over the newer version; a change to the same section is a conflict.
      if (!sectionUntouched(base, input.section, input.base, catalog)) {
        throw await sectionConflict(db, row.id, input.expectedVersion, row.version, actor.id, SECTIONS[input.section].pick(base));
      }
    }
    const checked = checkValues(base, input.section, input.values, catalog);
    if (!checked.ok) throw new Rejected({ ok: false, code: "invalid", message: checked.errors[0]?.message ?? "有填写错误，未保存", errors: checked.errors });
    const budget = packageToBudget(checked.pkg);
    const event = { actorId: actor.id, action: `edit.${input.section}`, comment: `修改${SECTIONS[input.section].label}` };
    if (oneStatement) {
      const saved = await commitInOneStatement(db, row, row.version, budget, event);
      if (saved === null) {
        const now = await db.budget.findUnique({ where: { id: row.id }, select: { version: true } });
        throw conflict(now?.version ?? row.version);
      }
      return saved.unchanged ? { ok: true as const, version: saved.version, unchanged: true as const } : { ok: true as const, version: saved.version };
    }
    // Saving what is stored already is not an edit: no new version, no trail row. `base` is the
    // stored content through budgetToPackage already, the one round trip the saved side makes; a
    // difference of form alone would only cost a version with no amount changed, never a lost save.
    if (JSON.stringify(budgetToPackage(budget, { unit: "元" })) === JSON.stringify(base)) {
      return { ok: true as const, version: row.version, unchanged: true as const };
    }
    return await db.$transaction(
      async (tx) => {
        const version = await commitContent(tx, row, row.version, current, budget, event, [part]);
        if (version === null) {
          const now = await tx.budget.findUnique({ where: { id: row.id }, select: { version: true } });
          throw conflict(now?.version ?? row.version);
        }
        return { ok: true as const, version };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Rejected) return error.result;
    throw error;
  }
}

/** The stored parts a section save reads: its own, and those its validation refers to. */
const SECTION_READS: Record<BudgetPart, readonly PartKey[]> = {
  // Removing a sub-unit must not orphan a project, and a project must name a known sub-unit.
  subUnits: ["subUnits", "projects"],
  projects: ["projects", "subUnits"],
  income: ["income"],
  basic: ["basicLines"],
  threePublic: ["threePublic"],
  procurement: ["procurement"],
  assets: ["assets"],
  performance: ["indicators"],
  narrative: ["narrative"],
  prior: ["prior", "priorByFunction"],
};

/** The budget's row and `parts`, refused when it is outside the actor's scope or no longer editable. */
async function readEditable(db: Db, budgetId: number, scope: Prisma.BudgetWhereInput, parts: readonly PartKey[]) {
  const row = await readSection(db, budgetId, scope, parts);
  if (!row) throw new Rejected({ ok: false, code: "refused", message: "未找到该预算" });
  if (!(EDITABLE_STATUSES as readonly string[]).includes(row.status)) {
    throw new Rejected({ ok: false, code: "refused", message: "该预算已报送或已审核，当前不能修改；如需修改，请联系财政局退回" });
  }
  return row;
}

/** Every part of a budget below its row, empty: what a section save does not read. */
const NO_PARTS: Omit<
  BudgetContent,
  | "kind"
  | "year"
  | "unitName"
  | "functions"
  | "structure"
  | "performanceOffice"
  | "contactName"
  | "contactPhone"
  | "performanceGoal"
  | "disclosureTables"
  | "department"
> = {
  subUnits: [],
  income: [],
  basicLines: [],
  projects: [],
  threePublic: null,
  procurement: [],
  assets: null,
  indicators: [],
  narrative: null,
  prior: null,
  priorByFunction: [],
};

/**
 * The values come from a client and may have any shape; a section's `apply` expects the form's
 * shape and throws on anything else (null, a number where a list belongs, nesting deeper than
 * the stack). That is a refused input, not a server error.
 */
function checkValues<S extends SectionId>(
  base: Parameters<typeof checkSection>[0],
  section: S,
  values: SectionValues<S>,
  catalog: Parameters<typeof checkSection>[3],
) {
  const refused = { ok: false as const, errors: [{ path: "", message: "提交的内容格式不正确，未保存任何内容" }] };
  if (typeof values !== "object" || values === null || Array.isArray(values)) return refused;
  try {
    return checkSection(base, section, values, catalog);
  } catch (error) {
    // TypeError: a value of the wrong shape; RangeError: nesting deeper than the stack.
    if (!(error instanceof TypeError) && !(error instanceof RangeError)) throw error;
    return refused;
  }
}

/** Whether the stored section still equals what the editor started from (`editorBase`). */
function sectionUntouched<S extends SectionId>(
  stored: BudgetPackage,
  section: S,
  editorBase: SectionValues<S> | undefined,
  catalog: Parameters<typeof checkSection>[3],
): boolean {
  if (editorBase === undefined) return false;
  const asLoaded = checkValues(stored, section, editorBase, catalog);
  if (!asLoaded.ok) return false;
  const roundTrip = (p: BudgetPackage) => JSON.stringify(budgetToPackage(packageToBudget(p), { unit: "元" }));
  return roundTrip(asLoaded.pkg) === roundTrip(stored);
}

async function sectionConflict(tx: Db | Prisma.TransactionClient, budgetId: number, since: number, currentVersion: number, actorId: number, theirs: unknown) {
  const last = await tx.budgetEvent.findFirst({
    where: { budgetId, version: { gt: since } },
    orderBy: { version: "desc" },
    include: { actor: { select: { displayName: true } } },
  });
  const self = last?.actorId === actorId;
  const at = last?.at ?? new Date();
  const when = formatShortDateTime(at);
  const who = self ? "你自己在另一个窗口（或标签页）" : (last?.actor?.displayName ?? "他人");
  return new Rejected({
    ok: false,
    code: "conflict",
    currentVersion,
    theirs,
    savedBy: { name: last?.actor?.displayName ?? "他人", self, at: at.toISOString() },
    message: `保存冲突：${who}于 ${when} 也修改并保存了这一部分（现为第 ${currentVersion} 版）。您的输入仍保留在页面上：可以保留您的、采用对方的，或合并两者。`,
  });
}

function conflict(currentVersion: number) {
  return new Rejected({
    ok: false,
    code: "conflict",
    currentVersion,
    message: `保存冲突：他人已修改此预算（当前为第 ${currentVersion} 版）。您的输入仍保留在页面上，请核对后刷新页面再保存。`,
  });
}
