import { budgetPageResponse, type Params } from "./budget-page-response";

// Answered per request from the stored page (lib/public/static-page), never from Next's
// URL-keyed cache on disk.
export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Params }): Promise<Response> {
  return budgetPageResponse(request, params);
}
