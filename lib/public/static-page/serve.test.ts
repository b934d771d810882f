import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressPage, matchesEtag, negotiateEncoding, pageResponse } from "./serve";

describe("a stored static page", () => {
  const page = compressPage("<!DOCTYPE html><p>预算 2,514.61</p>");

  it("is compressed once, both ways, under a strong ETag of its bytes", () => {
    expect(gunzipSync(page.gzip).equals(page.html)).toBe(true);
    expect(brotliDecompressSync(page.brotli).equals(page.html)).toBe(true);
    expect(page.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(compressPage("<!DOCTYPE html><p>预算 2,514.61</p>").etag).toBe(page.etag);
    expect(compressPage("<!DOCTYPE html><p>预算 2,514.62</p>").etag).not.toBe(page.etag);
  });

  it("picks brotli, then gzip, then none; q=0 refuses a coding", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*;q=0, identity")).toBe("identity");
    expect(negotiateEncoding("identity")).toBe("identity");
    expect(negotiateEncoding(null)).toBe("identity");
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
    expect(head.headers.get("content-encoding")).toBe("gzip");
    expect(head.headers.get("content-length")).toBe(String(page.gzip.length));
    expect(await head.text()).toBe("");
    const notModified = pageResponse(new Request("http://x/", { headers: { "if-none-match": page.etag } }), page, "public, max-age=0");
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("content-type")).toBeNull();
  });
});
