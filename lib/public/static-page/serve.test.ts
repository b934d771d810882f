import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compressPage, matchesEtag, pageBytes, pageResponse } from "./serve";

describe("a stored static page", () => {
  const page = compressPage("<!DOCTYPE html><p>预算 2,514.61</p>");

  it("is compressed once, both ways, under a strong ETag of its bytes", () => {
    expect(gunzipSync(page.gzip).equals(page.html)).toBe(true);
    expect(brotliDecompressSync(page.brotli).equals(page.html)).toBe(true);
    expect(page.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(compressPage("<!DOCTYPE html><p>预算 2,514.61</p>").etag).toBe(page.etag);
    expect(compressPage("<!DOCTYPE html><p>预算 2,514.62</p>").etag).not.toBe(page.etag);
  });

  it("matches If-None-Match by the weak comparison, in a list or as *", () => {
    expect(matchesEtag(page.etag, page.etag)).toBe(true);
    expect(matchesEtag(`"a", W/${page.etag}`, page.etag)).toBe(true);
    expect(matchesEtag("*", page.etag)).toBe(true);
    expect(matchesEtag('"a"', page.etag)).toBe(false);
    expect(matchesEtag(null, page.etag)).toBe(false);
  });

  it("answers HEAD with the headers and no body, and 304 without a body", async () => {
    const head = pageResponse(new Request("http://x/", { method: "HEAD", headers: { "accept-encoding": "gzip" } }), page, "public, max-age=0");
    expect(head.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(head.headers.get("etag")).toBe(page.etag);
    expect(await head.text()).toBe("");
    const notModified = pageResponse(new Request("http://x/", { headers: { "if-none-match": page.etag } }), page, "public, max-age=0");
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("content-type")).toBeNull();
  });

  it("is sent brotli, then gzip, else plain, as Accept-Encoding allows", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("br;q=0.5, gzip;q=0.9")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("GZIP")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0.1, br;q=0")).toBe("gzip");
    for (const none of [undefined, "", "identity", "deflate", "gzip;q=0, br;q=0", "*;q=0"]) expect(chooseEncoding(none), String(none)).toBe("identity");
    expect(pageBytes(page, "br")).toBe(page.brotli);
    expect(pageBytes(page, "gzip")).toBe(page.gzip);
    expect(pageBytes(page, "identity")).toBe(page.html);
  });
});
