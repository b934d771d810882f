import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listJobsOf } from "@/lib/db/jobs";

/** The signed-in user's own jobs with their progress (the jobs page polls it while one runs). */
export async function GET() {
  const user = await permittedUser("budget.read");
  if (!user) return Response.json({ error: "未找到" }, { status: 404 });
  const jobs = await listJobsOf(db(), user.id);
  return Response.json({ jobs }, { headers: { "Cache-Control": "private, no-store" } });
}
