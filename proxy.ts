import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES, isArgumentsJson } from "@/lib/server/action-body";

function refuse(status: number, message: string) {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Runs only for server-action calls (the Next-Action header): a body that is not what React
 * sends, or larger than the action body limit, is refused here with a 4xx instead of reaching
 * Next's decoder, which answers it with a 500. Each action then parses its arguments with zod.
 */
export async function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > ACTION_BODY_LIMIT_BYTES) return refuse(413, "请求过大");
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      if (!isArgumentsJson(form.get("0"))) return refuse(400, "请求无效");
    } else if (!isArgumentsJson(await request.clone().text())) {
      return refuse(400, "请求无效");
    }
  } catch {
    return refuse(400, "请求无效");
  }
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
