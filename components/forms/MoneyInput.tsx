"use client";
import { useLayoutEffect, useRef, type InputHTMLAttributes } from "react";

/** "1234567.8" → "1,234,567.8" while typing; the stored value never has separators. */
export function groupDigits(raw: string): string {
  const [int = "", frac] = raw.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** What the accountant typed, without separators or spaces (full-width digits and dot folded). */
export function normalizeMoneyInput(typed: string): string {
  return typed
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, ".")
    .replace(/[,，\s]/g, "");
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
  value: string | undefined;
  onChange: (raw: string) => void;
};

/**
 * An amount in 元, shown with thousands separators as you type. It never rejects a keystroke:
 * a wrong value (letters, three decimals, a minus) is kept and named by the schema's Chinese
 * message beside the field, so nothing typed is lost.
 */
export function MoneyInput({ value, onChange, className, ...rest }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  // Characters (other than separators) before the caret, to put it back after regrouping.
  const caret = useRef<number | null>(null);
  const raw = value ?? "";
  const shown = /^\d*(\.\d*)?$/.test(raw) ? groupDigits(raw) : raw;

  useLayoutEffect(() => {
    const input = ref.current;
    if (!input || caret.current === null || document.activeElement !== input) return;
    let seen = 0;
    let position = 0;
    while (position < shown.length && seen < caret.current) {
      if (shown[position] !== ",") seen++;
      position++;
    }
    input.setSelectionRange(position, position);
    caret.current = null;
  }, [shown]);

  return (
    <input
      {...rest}
      ref={ref}
      inputMode="decimal"
      autoComplete="off"
      className={`money ${className ?? ""}`}
      value={shown}
      onChange={(e) => {
        const before = e.target.value.slice(0, e.target.selectionStart ?? e.target.value.length);
        caret.current = normalizeMoneyInput(before).length;
        onChange(normalizeMoneyInput(e.target.value));
      }}
    />
  );
}
