import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { jobResultOf } from "@/lib/db/jobs";
import { strictId } from "@/lib/validation/fields";

const jobId = strictId();
const notFound = () => Response.json({ error: "未找到该任务的结果" }, { status: 404 });

/** The file a finished job made, for the user who started it; to anyone else it does not exist. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const id = jobId.safeParse((await params).id);
  if (!user || !id.success) return notFound();
  const result = await jobResultOf(db(), user.id, id.data);
  if (!result) return notFound();
  const ascii = result.name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "_");
  return new Response(new Uint8Array(result.body), {
    headers: {
      "Content-Type": result.type,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(result.name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
