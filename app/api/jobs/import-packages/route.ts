import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { refuse, sameOrigin } from "@/lib/http/receive-upload";
import { MAX_BATCH_BYTES, mayImportPackages } from "@/lib/jobs/import-packages";
import { pokeJobRunner } from "@/lib/server/job-runner";
import { startImportPackages } from "@/lib/workflow/start-job";

/**
 * Upload of many packages or entry workbooks at once (multipart, `file` repeated): a route so that
 * the browser shows the upload's progress; the import itself is a background job the user
 * follows on /jobs.
 */
export async function POST(request: Request) {
  if (!sameOrigin(request)) return refuse("请求来源无效", 403);
  // As every refusal in the app: not found, whoever asks without the right.
  const user = await permittedUser("budget.import");
  if (!user || !mayImportPackages(user)) return Response.json({ error: "未找到" }, { status: 404 });
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BATCH_BYTES + 256 * 1024)
    return refuse(`文件合计过大（超过 ${MAX_BATCH_BYTES / 1024 / 1024} MB）`, 413);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse("请求无效：请选择要导入的文件");
  }
  const files = await Promise.all(
    form
      .getAll("file")
      .filter((f): f is File => f instanceof File && f.size > 0)
      .map(async (f) => ({ name: f.name || "未命名", body: new Uint8Array(await f.arrayBuffer()) })),
  );
  const result = await startImportPackages(db(), user, files);
  if (!result.ok) return refuse(result.message);
  pokeJobRunner();
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
}
