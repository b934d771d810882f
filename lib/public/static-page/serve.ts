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

/** True when If-None-Match names this ETag (or is "*"). A weak validator matches too (RFC 9110 weak comparison). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

/**
 * The response for a stored page: 304 when the client holds it, else the document. Sent plain:
 * Next (16.4, send-response.ts) drops a route handler's Content-Encoding and compresses the
 * body itself by the request's Accept-Encoding, so stored compressed bytes cannot be sent from
 * here. The production server's front door (./front-door.ts) sends them; this answers what
 * reaches the route (a first request, the dev server).
 */
export function pageResponse(request: Request, page: StoredPage, cacheControl: string): Response {
  const headers: Record<string, string> = { "Cache-Control": cacheControl, ETag: page.etag, Vary: "Accept-Encoding" };
  if (matchesEtag(request.headers.get("if-none-match"), page.etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = "text/html; charset=utf-8";
  const body = page.html;
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), { status: 200, headers });
}

export type PageEncoding = "br" | "gzip" | "identity";

/**
 * The stored form to send for an Accept-Encoding header: the best-compressed one the client
 * accepts (brotli, then gzip; `q=0` refuses, `*` stands for any not named), else the plain one.
 */
export function chooseEncoding(header: string | undefined): PageEncoding {
  if (!header) return "identity";
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: string) => q.get(name) ?? q.get("*") ?? 0;
  const br = weight("br");
  const gzip = weight("gzip");
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return "identity";
}

/** The stored bytes of a page in one encoding. */
export function pageBytes(page: StoredPage, encoding: PageEncoding): Buffer {
  return encoding === "br" ? page.brotli : encoding === "gzip" ? page.gzip : page.html;
}
