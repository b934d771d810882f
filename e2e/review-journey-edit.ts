/**
 * Run by review-journey.spec.ts (tsx, DATABASE_URL = the e2e server's database): the accountant
 * lowers one project by 1.00 万元 and the income of its fund with it (so the budget still
 * balances), through the use cases the workspace's save action calls: the editor's data, then one
 * section save each. Arguments: username, budget id, project code.
 */
import Decimal from "decimal.js";
import type { SessionUser } from "@/lib/auth/permissions";
import { sessionUserByName } from "@/lib/db/queries/session-user";
import { loadEditor } from "@/lib/workspace/load-editor";
import { saveSection } from "@/lib/workflow/save-section";
import { createDb, type Db } from "@/lib/db/connect";
import { SECTIONS, type SectionId, type SectionValues } from "@/lib/workspace/sections";
import { runScript } from "./run-script";

const LESS = new Decimal(10_000);

const sessionUser = sessionUserByName;

async function edit<S extends SectionId>(db: Db, actor: SessionUser, budgetId: number, section: S, change: (values: SectionValues<S>) => void) {
  const editor = await loadEditor(db, actor, budgetId);
  if (!editor?.editable) throw new Error(`budget ${budgetId} is not editable by ${actor.username}`);
  const base = SECTIONS[section].pick(editor.pkg) as SectionValues<S>;
  const values = structuredClone(base);
  change(values);
  const result = await saveSection(db, actor, { budgetId, expectedVersion: editor.version, section, values, base });
  if (!result.ok) throw new Error(`${section}: ${JSON.stringify(result)}`);
}

async function main() {
  const [username, id, projectCode] = process.argv.slice(2);
  const budgetId = Number(id);
  const db = createDb(process.env.DATABASE_URL);
  try {
    const actor = await sessionUser(db, username!);
    let fund = "";
    await edit(db, actor, budgetId, "projects", (v) => {
      const project = v.projects.find((p) => p.code === projectCode);
      if (!project) throw new Error(`no project ${projectCode}`);
      fund = project.fund ?? "";
      project.amount = new Decimal(project.amount ?? "0").minus(LESS).toFixed(2);
      project.ownArrangement = new Decimal(project.ownArrangement ?? "0").minus(LESS).toFixed(2);
    });
    await edit(db, actor, budgetId, "income", (v) => {
      const income = v as Record<string, unknown>;
      income[fund] = new Decimal(String(income[fund] ?? "0")).minus(LESS).toFixed(2);
    });
  } finally {
    await db.$disconnect();
  }
}

runScript(main);
