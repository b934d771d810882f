import type { z } from "zod";

/** What an admin form shows after submitting. */
export type AdminFormState = { ok: boolean; message: string; details?: string[] } | null;

/** FormData → plain object for the schemas (empty fields become absent). */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && v.trim() !== "") out[k] = v;
  return out;
}

export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "输入有误";
}
