import type { z } from "zod";

/** FormData → plain object for the schemas (blank fields become absent; files are not fields). */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && v.trim() !== "") out[k] = v;
  return out;
}

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * The message of a refused input: the schema's own Chinese sentence (it names the field), or,
 * for a value of the wrong shape that no form sends (zod's English default), "请求无效" and where.
 */
export function invalidInputMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "请求无效";
  if (CHINESE.test(issue.message)) return issue.message;
  return issue.path.length > 0 ? `请求无效：${issue.path.join(".")} 的值不对` : "请求无效";
}
