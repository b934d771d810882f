"use client";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { BudgetPackage } from "@/lib/budget/package/schema";
import type { Catalog } from "@/lib/catalog/catalog";
import type { Finding } from "@/lib/budget/rules/types";
import type { CommentView } from "@/lib/db/queries/budget-comments";
import { catalogFromData, type CatalogData } from "@/lib/workspace/serialize";
import { evaluatePackage } from "@/lib/workspace/evaluate";
import type { CeilingData } from "@/lib/workspace/load-editor";
import { ceilingChecks, type EditorCeiling } from "@/lib/workspace/ceiling-checks";
import type { Budget } from "@/lib/budget/model";
import Decimal from "decimal.js";

export interface LiveChecks {
  findings: Finding[];
  inputErrors: number;
}

export interface EditorState {
  budgetId: number;
  status: string;
  editable: boolean;
  /** The budget as last saved (a package in 元), the base every section form edits. */
  saved: BudgetPackage;
  version: number;
  catalog: Catalog;
  markSaved(pkg: BudgetPackage, version: number): void;
  /** The findings of what is on screen now (the open section's unsaved input included), and how many inputs are invalid. */
  live: LiveChecks | null;
  comments: CommentView[];
  setLive(live: LiveChecks | null): void;
  /** The findings of the budget as saved (what the section badges and the checks panel show by default). */
  savedFindings: Finding[];
  /** The issued 控制数 of the department for the budget's year, with the units' share of each. */
  ceilings: EditorCeiling[];
  /** The ceiling.exceeded findings 报送 would refuse `budget` (what is on screen) with. */
  ceilingFindings(budget: Pick<Budget, "basicExpenditure" | "projects">): Finding[];
}

const Context = createContext<EditorState | null>(null);

export function EditorProvider(props: {
  budgetId: number;
  status: string;
  editable: boolean;
  pkg: BudgetPackage;
  version: number;
  catalog: CatalogData;
  comments: CommentView[];
  ceilings?: CeilingData[];
  /** Whether 报送 holds this budget to the ceilings (a department's budget, not a unit's). */
  ceilingsBind?: boolean;
  children: ReactNode;
}) {
  const ceilings = useMemo(
    () => (props.ceilings ?? []).map((c) => ({ ...c, amount: new Decimal(c.amount), usedByUnits: new Decimal(c.usedByUnits) })),
    [props.ceilings],
  );
  const binds = props.ceilingsBind ?? false;
  // Stable while the ceilings are: the section form's effect that reports live findings depends on it.
  const ceilingFindings = useCallback((budget: Pick<Budget, "basicExpenditure" | "projects">) => ceilingChecks(budget, ceilings, binds), [ceilings, binds]);
  const [saved, setSaved] = useState({ pkg: props.pkg, version: props.version });
  // A newer version from the server (after a refresh) replaces what this tab last saved.
  if (props.version > saved.version) setSaved({ pkg: props.pkg, version: props.version });
  const catalog = useMemo(() => catalogFromData(props.catalog), [props.catalog]);
  const [live, setLive] = useState<LiveChecks | null>(null);
  const savedFindings = useMemo(() => {
    try {
      const evaluation = evaluatePackage(saved.pkg, catalog);
      return [...evaluation.findings, ...ceilingChecks(evaluation.budget, ceilings, binds)];
    } catch {
      return [];
    }
  }, [saved.pkg, catalog, ceilings, binds]);
  const value: EditorState = {
    budgetId: props.budgetId,
    status: props.status,
    editable: props.editable,
    saved: saved.pkg,
    version: saved.version,
    catalog,
    markSaved: (pkg, version) => setSaved({ pkg, version }),
    live,
    setLive,
    comments: props.comments,
    savedFindings,
    ceilings,
    ceilingFindings,
  };
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function useEditor(): EditorState {
  const state = useContext(Context);
  if (!state) throw new Error("useEditor outside EditorProvider");
  return state;
}
