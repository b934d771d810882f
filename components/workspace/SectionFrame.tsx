"use client";
import { useEffect, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from "react";
import { get, type FieldValues, type UseFormReturn } from "react-hook-form";
import { SaveBar } from "./SaveBar";
import { ConflictPanel, type ConflictResolution } from "./ConflictPanel";
import type { SaveState } from "./useSectionForm";
import { useEditor } from "./EditorContext";
import { ReviewComments } from "./ReviewComments";
import { sectionOfComment } from "@/lib/workspace/comment-sections";
import type { SectionId } from "@/lib/workspace/sections";

/** Focuses the field a finding links to (#basicExpenditure[3].amount). */
function useFocusFromHash() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const element = document.getElementById(id);
    if (element) {
      element.scrollIntoView({ block: "center" });
      (element as HTMLElement).focus?.();
    }
  }, []);
}

/**
 * Ctrl+S (⌘S) saves the open section; Enter in a field never submits the form (it moved the
 * accountant on in their head, and saved the whole section in the browser's).
 */
function useSaveShortcut(save: () => unknown, editable: boolean) {
  useEffect(() => {
    if (!editable) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save, editable]);
}

function preventEnterSubmit(event: ReactKeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === "Enter" && target instanceof HTMLInputElement && !["submit", "button", "checkbox", "radio"].includes(target.type)) {
    event.preventDefault();
  }
}

export function SectionFrame(props: {
  section: SectionId;
  title: string;
  hint?: ReactNode;
  totals?: ReactNode;
  form: UseFormReturn<FieldValues>;
  save: (e?: FormEvent) => Promise<void>;
  /** Shown above the fields and kept in view while scrolling (live totals, previews). */
  sticky?: boolean;
  /** Ways out of a save conflict, when the server sent the section as saved meanwhile. */
  resolve?: ConflictResolution;
  saveState: SaveState;
  editable: boolean;
  children: ReactNode;
}) {
  useFocusFromHash();
  useSaveShortcut(props.save, props.editable);
  const editor = useEditor();
  const comments = editor.comments.filter((c) => sectionOfComment(c.section) === props.section);
  const rootError = (get(props.form.formState.errors, "root.section") as { message?: string } | undefined)?.message;
  return (
    <form onSubmit={props.save} onKeyDown={preventEnterSubmit} noValidate aria-label={props.title}>
      <ReviewComments comments={comments} title="财政局对本部分的审核意见" />
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{props.title}</h2>
        {props.hint ? <p className="muted">{props.hint}</p> : null}
        {props.sticky ? <div className="sticky-summary">{props.totals}</div> : props.totals}
        <fieldset disabled={!props.editable} style={{ border: "none", padding: 0, margin: 0 }}>
          {props.children}
        </fieldset>
        {rootError ? <p className="error">{rootError}</p> : null}
        {props.saveState.kind === "conflict" && props.resolve ? (
          <ConflictPanel section={props.section} message={props.saveState.message} resolve={props.resolve} />
        ) : null}
        <SaveBar
          state={props.resolve ? { kind: "idle" } : props.saveState}
          dirty={props.form.formState.isDirty}
          editable={props.editable}
          onReload={() => window.location.reload()}
        />
      </section>
    </form>
  );
}

export function Figures({ items }: { items: { label: string; value: string; testId?: string }[] }) {
  return (
    <div className="totals" aria-live="polite">
      {items.map((i) => (
        <div key={i.label}>
          <span className="muted">{i.label}</span>
          <strong data-testid={i.testId}>{i.value}</strong>
        </div>
      ))}
    </div>
  );
}
