import { z } from "zod";

/**
 * Field schemas every form and server action shares. Strict on purpose: z.coerce.number()
 * reads "0x1", "1e0" and " 1" as 1, and a string "false" is a truthy value, so an id is only
 * decimal digits (or a safe integer) and a boolean only a boolean.
 */
const ID_DIGITS = /^[1-9]\d{0,15}$/;

export function strictId(message = "参数无效") {
  return z.union([z.number(), z.string()], { error: message }).transform((v, ctx) => {
    const n = typeof v === "number" ? v : ID_DIGITS.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

/** An integer in [min, max], as a number or as decimal digits (a form field). */
export function strictInt(min: number, max: number, message: string) {
  return z.union([z.number(), z.string()], { error: message }).transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^-?\d{1,16}$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

export function strictBoolean(message = "参数无效") {
  return z.boolean({ error: message });
}

/** "true" / "false" of a form field (a checkbox or a hidden input), nothing else. */
export function formBoolean(message = "参数无效") {
  return z.enum(["true", "false"], { error: message }).transform((v) => v === "true");
}

// Control characters (C0, DEL, C1) and the bidirectional overrides and isolates that make a
// name display differently from what it is (U+202A–202E, U+2066–2069, LRM/RLM/ALM).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
// What renders as nothing: white space, format characters (zero-width space/joiners, BOM…),
// Hangul fillers, braille blank, combining grapheme joiner.
const INVISIBLE = /[\s\p{Cf}\u115f\u1160\u3164\uffa0\u2800\u034f]/gu;

export type NameProblem = "empty" | "control" | "bidi" | "invisible" | null;

/** NFC, trimmed: the form a name is stored and compared in. */
export function normalizeName(s: string): string {
  return s.normalize("NFC").trim();
}

export function nameProblem(normalized: string): NameProblem {
  if (normalized === "") return "empty";
  if (CONTROL.test(normalized)) return "control";
  if (BIDI.test(normalized)) return "bidi";
  if (normalized.replace(INVISIBLE, "") === "") return "invisible";
  return null;
}

export const NAME_PROBLEM_MESSAGES: Record<Exclude<NameProblem, null>, string> = {
  empty: "不能为空",
  control: "不能含有控制字符（如换行、制表符）",
  bidi: "不能含有改变文字方向的控制字符",
  invisible: "不能只由不可见字符组成",
};

/** A name (of a region, department, unit, user, project…): normalised and refused when unreadable. */
export function nameField(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .transform(normalizeName)
    .superRefine((s, ctx) => {
      const problem = nameProblem(s);
      if (problem === "empty") ctx.addIssue({ code: "custom", message: `请填写${label}` });
      else if (problem) ctx.addIssue({ code: "custom", message: `${label}${NAME_PROBLEM_MESSAGES[problem]}` });
      else if (s.length > max) ctx.addIssue({ code: "custom", message: `${label}不能超过 ${max} 字` });
    });
}

/** Optional free text of at most `max` characters (a comment, an answer): a string or nothing. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}应为文字` })
    .max(max, `${label}不能超过 ${max} 字`)
    .transform((s) => s.trim())
    .optional();
}
