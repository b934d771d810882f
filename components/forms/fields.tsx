"use client";
import { Controller, get, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { ReactNode } from "react";
import { pathOfField, type SectionId } from "@/lib/workspace/sections";
import { MoneyInput } from "./MoneyInput";
import { FieldError } from "./FieldError";

type Form = UseFormReturn<FieldValues>;

interface FieldProps {
  form: Form;
  section: SectionId;
  name: string;
  label: ReactNode;
  /** Hide the visible label (inside a grid whose column header names it); it stays for screen readers. */
  bare?: boolean;
  disabled?: boolean;
}

function useFieldMeta(form: Form, section: SectionId, name: string) {
  const error = (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
  const id = pathOfField(section, name);
  return { error, id, errorId: `${id}-error` };
}

function Wrap({ label, bare, children, error, errorId }: { label: ReactNode; bare?: boolean; children: ReactNode; error?: string; errorId: string }) {
  if (bare) {
    return (
      <>
        {children}
        <FieldError message={error} id={errorId} />
      </>
    );
  }
  return (
    <label>
      <span>{label}</span>
      {children}
      <FieldError message={error} id={errorId} />
    </label>
  );
}

export function MoneyField({ form, section, name, label, bare, disabled }: FieldProps) {
  const { error, id, errorId } = useFieldMeta(form, section, name);
  return (
    <Wrap label={label} bare={bare} error={error} errorId={errorId}>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <MoneyInput
            id={id}
            name={field.name}
            value={field.value as string | undefined}
            onChange={field.onChange}
            onBlur={field.onBlur}
            disabled={disabled}
            aria-label={bare && typeof label === "string" ? label : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        )}
      />
    </Wrap>
  );
}

export function TextField({ form, section, name, label, bare, disabled, multiline, list }: FieldProps & { multiline?: boolean; list?: string }) {
  const { error, id, errorId } = useFieldMeta(form, section, name);
  const common = {
    id,
    disabled,
    "aria-label": bare && typeof label === "string" ? label : undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
  } as const;
  return (
    <Wrap label={label} bare={bare} error={error} errorId={errorId}>
      {multiline ? <textarea {...common} {...form.register(name)} /> : <input {...common} list={list} autoComplete="off" {...form.register(name)} />}
    </Wrap>
  );
}

export function SelectField({ form, section, name, label, bare, disabled, options }: FieldProps & { options: { value: string; label: string }[] }) {
  const { error, id, errorId } = useFieldMeta(form, section, name);
  return (
    <Wrap label={label} bare={bare} error={error} errorId={errorId}>
      <select
        id={id}
        disabled={disabled}
        aria-label={bare && typeof label === "string" ? label : undefined}
        aria-invalid={error ? true : undefined}
        {...form.register(name)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** A whole number (counts of vehicles): stored as a number, as the package wants. */
export function CountField({ form, section, name, label, disabled }: FieldProps) {
  const { error, id, errorId } = useFieldMeta(form, section, name);
  return (
    <Wrap label={label} error={error} errorId={errorId}>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <input
            id={id}
            inputMode="numeric"
            disabled={disabled}
            value={field.value === undefined || field.value === null ? "" : String(field.value)}
            aria-invalid={error ? true : undefined}
            onBlur={field.onBlur}
            onChange={(e) => {
              const typed = e.target.value.trim();
              // Keep what was typed when it is not a whole number, so the schema names the problem.
              field.onChange(/^\d+$/.test(typed) ? Number(typed) : typed === "" ? 0 : typed);
            }}
          />
        )}
      />
    </Wrap>
  );
}

export function CheckboxField({ form, section, name, label, disabled }: FieldProps) {
  const { id } = useFieldMeta(form, section, name);
  return (
    <label style={{ display: "flex", gap: "0.4rem", alignItems: "center" }}>
      <input id={id} type="checkbox" disabled={disabled} {...form.register(name)} />
      <span>{label}</span>
    </label>
  );
}
