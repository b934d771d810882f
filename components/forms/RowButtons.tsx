"use client";
import type { ReactNode } from "react";

/** The 删除 button of a row in an editable list. */
export function RemoveRowButton({ onRemove, label }: { onRemove: () => void; label?: string }) {
  return (
    <button type="button" className="link" onClick={onRemove} aria-label={label}>
      删除
    </button>
  );
}

/** The add button under an editable list, with whatever goes beside it (e.g. a weight total). */
export function AddRowBar({ label, onAdd, children }: { label: string; onAdd: () => void; children?: ReactNode }) {
  return (
    <div className="row-actions">
      <button type="button" className="secondary" onClick={onAdd}>
        {label}
      </button>
      {children}
    </div>
  );
}
