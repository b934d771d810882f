"use client";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import { useRouter } from "next/navigation";
import { saveSectionAction } from "@/lib/actions/budget/save-section";
import { checkSection } from "@/lib/workspace/check-section";
import { evaluatePackage, type Evaluation } from "@/lib/workspace/evaluate";
import { SECTIONS, type SectionId, type SectionValues } from "@/lib/workspace/sections";
import { setPath } from "@/components/forms/set-path";
import { mergeValues } from "@/lib/workspace/merge-values";
import { useEditor } from "./EditorContext";
import { useUnsavedChangesGuard } from "./useUnsavedChangesGuard";

type Rebase = { version: number; base: FieldValues };

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; version: number }
  | { kind: "unchanged" }
  | { kind: "conflict"; message: string; theirs?: FieldValues; currentVersion?: number }
  | { kind: "error"; message: string };

/**
 * One section's form: react-hook-form whose resolver is the package schema (through
 * checkSection, the same check the server action runs), live tables and findings computed from
 * what is typed, and a save that keeps the input on screen whatever happens.
 */
export function useSectionForm<S extends SectionId>(section: S) {
  const editor = useEditor();
  const router = useRouter();
  const def = SECTIONS[section] as unknown as { pick(p: typeof editor.saved): SectionValues<S> };
  const defaults = useMemo(() => def.pick(editor.saved), [def, editor.saved]);

  const resolver: Resolver<FieldValues> = async (values) => {
    const result = checkSection(editor.saved, section, values as SectionValues<S>, editor.catalog);
    if (result.ok) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const e of result.errors) setPath(errors, e.field || "root.section", { type: "validate", message: e.message });
    return { values: {}, errors: errors as never };
  };

  const form = useForm<FieldValues>({
    defaultValues: defaults as DefaultValues<FieldValues>,
    resolver,
    mode: "onChange",
  });
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  // After a conflict is resolved, the next save is made against the version (and the section as
  // it was saved there) that the accountant has now seen.
  const [rebase, setRebase] = useState<Rebase | null>(null);
  // The whole budget is evaluated again for the live figures (tens of ms for a long grid): once
  // typing pauses, and in a deferred render, so keystrokes are never held up by it. A keystroke
  // itself re-renders only the cell typed in: the form's values are followed by a subscription,
  // not by watching them in the section's render (which redrew every line of a 500-line grid).
  const [settled, setSettled] = useState<FieldValues>(() => form.getValues());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        clearTimeout(timer);
        timer = setTimeout(() => setSettled(structuredClone(form.getValues())), 120);
      },
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [form]);
  const deferred = useDeferredValue(settled);

  // While the input has errors, the figures stay those of the last valid input (marked stale)
  // rather than dropping to zero.
  const checked = useMemo(
    () => checkSection(editor.saved, section, deferred as SectionValues<S>, editor.catalog),
    [deferred, editor.saved, editor.catalog, section],
  );
  const evaluation = useMemo(() => (checked.ok ? safeEvaluate(checked.pkg, editor.catalog) : undefined), [checked, editor.catalog]);
  // Kept from an earlier render (React's "storing information from previous renders").
  const [lastValid, setLastValid] = useState<Evaluation | undefined>(undefined);
  if (evaluation && evaluation !== lastValid) setLastValid(evaluation);
  const live = useMemo((): { evaluation?: Evaluation; errors: string[]; stale: boolean } => {
    if (checked.ok) return { evaluation, errors: [], stale: false };
    return { evaluation: lastValid ?? safeEvaluate(editor.saved, editor.catalog), errors: checked.errors.map((e) => e.message), stale: true };
  }, [checked, evaluation, lastValid, editor.saved, editor.catalog]);

  const { setLive, ceilingFindings } = editor;
  useEffect(() => {
    // 控制数 are the bureau's, not the package's rules: added as 报送 adds them.
    setLive(live.evaluation ? { findings: [...live.evaluation.findings, ...ceilingFindings(live.evaluation.budget)], inputErrors: live.errors.length } : null);
  }, [live, setLive, ceilingFindings]);
  useEffect(() => () => setLive(null), [setLive]);

  useUnsavedChangesGuard(form.formState.isDirty && saveState.kind !== "saving");

  // After a conflict the accountant may reload on purpose; keep the tab's base in step.
  useEffect(() => {
    if (saveState.kind === "saved") router.refresh();
  }, [saveState, router]);

  // Saving what is already saved records nothing (no version, no trail row), and says so.
  // `against`: the version and section to save over, when a conflict was just resolved (the
  // state set by that resolution is not yet visible to this render's closure).
  const submit = (against: Rebase | null = rebase) =>
    form.handleSubmit(
      async (values) => {
        if (!editor.editable) return;
        setSaveState({ kind: "saving" });
        try {
          const result = await saveSectionAction({
            budgetId: editor.budgetId,
            expectedVersion: against?.version ?? editor.version,
            base: (against?.base ?? defaults) as SectionValues<SectionId>,
            section,
            values: values as SectionValues<SectionId>,
          });
          if (result.ok && result.unchanged) {
            form.reset(values);
            setSaveState({ kind: "unchanged" });
          } else if (result.ok) {
            const checked = checkSection(editor.saved, section, values as SectionValues<S>, editor.catalog);
            // A save merged over a newer version: the refresh brings the whole budget as stored.
            if (checked.ok && result.version === editor.version + 1 && !against) editor.markSaved(checked.pkg, result.version);
            setRebase(null);
            form.reset(values);
            setSaveState({ kind: "saved", version: result.version });
          } else if (result.code === "invalid" && "errors" in result) {
            for (const e of result.errors) form.setError((e.field || "root.section") as never, { type: "server", message: e.message });
            setSaveState({ kind: "error", message: "保存失败：请按提示修改标红的字段，您的输入都还在。" });
          } else if (result.code === "conflict" && "currentVersion" in result) {
            setSaveState({
              kind: "conflict",
              message: result.message,
              ...(result.theirs ? { theirs: result.theirs as FieldValues } : {}),
              currentVersion: result.currentVersion,
            });
          } else {
            setSaveState({ kind: "error", message: result.message });
          }
        } catch {
          setSaveState({ kind: "error", message: "保存失败：网络或服务器异常，您的输入仍保留在页面上，请稍后重试。" });
        }
      },
      // 保存 never does nothing silently: say how many inputs stop it and what the first one is.
      (errors) => {
        const messages = errorMessages(errors);
        setSaveState({
          kind: "error",
          message: `未保存：有 ${messages.length} 处需要修改${messages[0] ? `，如“${messages[0]}”` : ""}。标红的字段已标出，您的输入都还在。`,
        });
      },
    );
  const save = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    if (!editor.editable || saveState.kind === "saving") return;
    if (!form.formState.isDirty) {
      setSaveState({ kind: "unchanged" });
      return;
    }
    await submit()();
  };

  // Built each render: it calls this render's submit (a memo kept an older one).
  const resolve = (() => {
    if (saveState.kind !== "conflict" || !saveState.theirs || saveState.currentVersion === undefined) return undefined;
    const { theirs, currentVersion } = saveState;
    return {
      theirs,
      mine: () => form.getValues(),
      keepMine: async () => {
        const against = { version: currentVersion, base: theirs };
        setRebase(against);
        await submit(against)();
      },
      takeTheirs: () => {
        setRebase({ version: currentVersion, base: theirs });
        form.reset(theirs);
        setSaveState({ kind: "idle" });
        router.refresh();
      },
      merge: () => {
        const { merged, conflicts } = mergeValues(defaults, form.getValues(), theirs);
        setRebase({ version: currentVersion, base: theirs });
        form.reset(theirs);
        form.reset(merged as FieldValues, { keepDefaultValues: true });
        setSaveState({
          kind: "error",
          message: conflicts.length
            ? `已合并：对方的修改已取用；${conflicts.length} 处双方都改了，保留了您的值。请核对后保存。`
            : "已合并：对方的修改已取用，您的修改都还在。请核对后保存。",
        });
      },
    };
  })();

  // What <SectionFrame> needs, spread into it by each section form.
  const frame = { section, form, save, saveState, editable: editor.editable, resolve };
  return { form, live, save, saveState, editor, frame };
}

/** The messages of a react-hook-form errors tree, in field order. */
export function errorMessages(tree: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === "string" && message) out.push(message);
    for (const [key, child] of Object.entries(node)) if (key !== "ref" && key !== "message" && key !== "type") walk(child);
  };
  walk(tree);
  return out;
}

function safeEvaluate(pkg: Parameters<typeof evaluatePackage>[0], catalog: Parameters<typeof evaluatePackage>[1]): Evaluation | undefined {
  try {
    return evaluatePackage(pkg, catalog);
  } catch {
    return undefined;
  }
}
