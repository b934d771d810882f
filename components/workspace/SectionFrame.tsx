"use client";
import { useEffect, type FormEvent, type ReactNode } from "react";
import { get, type FieldValues, type UseFormReturn } from "react-hook-form";
import { SaveBar } from "./SaveBar";
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

export function SectionFrame(props: {
  section: SectionId;
  title: string;
  hint?: ReactNode;
  totals?: ReactNode;
  form: UseFormReturn<FieldValues>;
  save: (e?: FormEvent) => Promise<void>;
  saveState: SaveState;
  editable: boolean;
  children: ReactNode;
}) {
  useFocusFromHash();
  const editor = useEditor();
  const comments = editor.comments.filter((c) => sectionOfComment(c.section) === props.section);
  const rootError = (get(props.form.formState.errors, "root.section") as { message?: string } | undefined)?.message;
  return (
    <form onSubmit={props.save} noValidate aria-label={props.title}>
      <ReviewComments comments={comments} title="财政局对本部分的审核意见" />
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{props.title}</h2>
        {props.hint ? <p className="muted">{props.hint}</p> : null}
        {props.totals}
        <fieldset disabled={!props.editable} style={{ border: "none", padding: 0, margin: 0 }}>
          {props.children}
        </fieldset>
        {rootError ? <p className="error">{rootError}</p> : null}
        <SaveBar
          state={props.saveState}
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
