import type { SessionUser } from "@/lib/auth/permissions";
import type { Permission } from "@/lib/auth/permissions";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { strictId } from "@/lib/validation/fields";

const budgetId = strictId();

export const notFound = () => Response.json({ error: "未找到该预算" }, { status: 404 });
export const refuse = (message: string, status = 400) => Response.json({ ok: false, code: "rejected", message, errors: [{ path: "", message }] }, { status });

/**
 * Server actions check the origin themselves; a route that changes data must, or another site
 * could post to it with the user's cookie.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return !!origin && !!host && new URL(origin).host === host;
}

/**
 * The common front of a workbook upload to a budget (multipart: `file` and other fields): a route
 * rather than a server action so that the browser can report upload progress. Answers a Response
 * when the request is refused, else the user, the budget id, the form and the file's bytes.
 */
export async function receiveBudgetUpload(
  request: Request,
  rawId: string,
  permission: Permission,
  limit: { bytes: number; what: string },
): Promise<Response | { user: SessionUser; id: number; form: FormData; data: Uint8Array }> {
  if (!sameOrigin(request)) return refuse("请求来源无效", 403);
  // A refusal is indistinguishable from a budget that does not exist, and comes before the body
  // is read: nobody outside the budget's scope learns anything from the upload's validation.
  const user = await permittedUser(permission);
  const id = budgetId.safeParse(rawId);
  if (!user || !id.success) return notFound();
  const inScope = await db().budget.findFirst({ where: { AND: [budgetScope(user, permission), { id: id.data }] }, select: { id: true } });
  if (!inScope) return notFound();
  const tooLarge = () => refuse(`${limit.what}过大（超过 ${limit.bytes / 1024 / 1024} MB）`, 413);
  if (Number(request.headers.get("content-length") ?? "0") > limit.bytes + 64 * 1024) return tooLarge();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(`请求无效：请选择${limit.what}文件`);
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return refuse(`请求无效：请选择${limit.what}文件`);
  if (file.size > limit.bytes) return tooLarge();
  return { user, id: id.data, form, data: new Uint8Array(await file.arrayBuffer()) };
}
