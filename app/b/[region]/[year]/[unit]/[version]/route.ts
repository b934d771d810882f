import { budgetPageResponse, type Params } from "../budget-page-response";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Params }): Promise<Response> {
  return budgetPageResponse(request, params);
}
