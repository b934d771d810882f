import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { StoredPage } from "@/lib/db/queries/snapshot-page";

/** A complete HTML document, compressed once at its best (it is served many times). */
export function compressPage(html: string): StoredPage {
  const bytes = Buffer.from(html, "utf8");
  const hash = createHash("sha256").update(bytes).digest("base64url").slice(0, 32);
  return {
    etag: `"${hash}"`,
    html: bytes,
    gzip: gzipSync(bytes, { level: 9 }),
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  };
}

export type Coding = "br" | "gzip" | "identity";

/** The coding to send for an Accept-Encoding header: brotli, then gzip, then none (q=0 refuses one). */
export function negotiateEncoding(header: string | null): Coding {
  if (!header) return "identity";
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (c: string) => (q.get(c) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

/** True when If-None-Match names this ETag (or is "*"). A weak validator matches too (RFC 9110 weak comparison). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

/**
 * The response for a stored page: 304 when the client holds it, else the bytes in the coding it
 * accepts. Every response varies by Accept-Encoding and carries the strong ETag.
 */
export function pageResponse(request: Request, page: StoredPage, cacheControl: string): Response {
  const headers: Record<string, string> = { "Cache-Control": cacheControl, ETag: page.etag, Vary: "Accept-Encoding" };
  if (matchesEtag(request.headers.get("if-none-match"), page.etag)) return new Response(null, { status: 304, headers });
  const coding = negotiateEncoding(request.headers.get("accept-encoding"));
  const body = coding === "br" ? page.brotli : coding === "gzip" ? page.gzip : page.html;
  headers["Content-Type"] = "text/html; charset=utf-8";
  headers["Content-Length"] = String(body.length);
  if (coding !== "identity") headers["Content-Encoding"] = coding;
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), { status: 200, headers });
}
