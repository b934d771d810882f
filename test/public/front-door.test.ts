import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/b/[region]/[year]/[unit]/route";
import { GET as GET_VERSION } from "@/app/b/[region]/[year]/[unit]/[version]/route";
import { findPublishedBudget } from "@/lib/db/queries/public-snapshots";
import { seedDemo } from "@/lib/db/seed-demo";
import { IMMUTABLE, REVALIDATE } from "@/lib/public/snapshot-cache";
import { forgetBudgetPages, forgetPageVersions, pageVersionsSize, trustPageVersionEvents } from "@/lib/public/static-page/budget-page";
import { servePublicPage } from "@/lib/public/static-page/front-door";
import { applyCacheEvent } from "@/lib/server/cache-invalidation";
import { SECURITY_HEADERS } from "@/lib/server/security-headers.cjs";
import { freezeSnapshot } from "@/lib/workflow/freeze-snapshot";
import { freshDatabase, type TestDatabase } from "../helpers/database";

// The production server's order (lib/cli/server.cjs) on a real socket: the front door first,
// then what it leaves — here the page's own route handlers in place of Next's router, marked so
// that each answer says who gave it.
const ROUTE = /^\/b\/([^/]+)\/([^/]+)\/([^/?]+)(?:\/([^/?]+))?/;
async function toRoute(req: http.IncomingMessage, res: http.ServerResponse) {
  const m = ROUTE.exec(req.url ?? "");
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://localhost${req.url}`, { method: req.method, headers });
  const params = Promise.resolve({ region: m?.[1] ?? "", year: m?.[2] ?? "", unit: m?.[3] ?? "", ...(m?.[4] ? { version: m[4] } : {}) });
  const response = m?.[4] ? await GET_VERSION(request, { params }) : await GET(request, { params });
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader("x-answered-by", "route");
  res.end(Buffer.from(await response.arrayBuffer()));
}

let t: TestDatabase;
let server: http.Server;
let origin: string;
beforeAll(async () => {
  t = await freshDatabase();
  process.env.DATABASE_URL = t.url;
  await seedDemo(t.db, () => undefined);
  server = http.createServer((req, res) => {
    const answered = servePublicPage(req, res);
    if (answered === false) return void toRoute(req, res);
    void answered.then((done) => {
      if (!done) void toRoute(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.drop();
});

const PAGE = "/b/500109/2024/104";
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
/** A raw request: the body as sent (not decoded), every header as sent. */
function request(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}
const byFront = (a: Answer) => a.headers["x-answered-by"] === undefined;

describe("the front door of the public budget page (before Next's router)", () => {
  it("leaves a page not stored yet to the route, which renders and stores it; then serves the stored bytes itself", async () => {
    forgetBudgetPages();
    const first = await request(PAGE);
    expect(first.status).toBe(200);
    expect(byFront(first)).toBe(false);
    const second = await request(PAGE);
    expect(second.status).toBe(200);
    expect(byFront(second)).toBe(true);
    expect(second.headers["etag"]).toBe(first.headers["etag"]);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(second.headers["content-length"]).toBe(String(first.body.length));
    expect(second.headers["cache-control"]).toBe(REVALIDATE);
    expect(second.headers["vary"]).toBe("Accept-Encoding");
    for (const { key, value } of SECURITY_HEADERS) expect(second.headers[key.toLowerCase()], key).toBe(value);
    // Another app server (nothing in memory): the stored page, from the database.
    forgetBudgetPages();
    const third = await request(PAGE);
    expect(byFront(third)).toBe(true);
    expect(third.body.equals(first.body)).toBe(true);
  });

  it("sends the stored brotli or gzip bytes as Accept-Encoding asks, each the same document", async () => {
    const plain = (await request(PAGE)).body;
    const br = await request(PAGE, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.length / 5);
    const gz = await request(PAGE, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    expect((await request(PAGE, { "accept-encoding": "br;q=0, gzip" })).headers["content-encoding"]).toBe("gzip");
    for (const encoding of ["identity", "deflate", "br;q=0, gzip;q=0"]) {
      const response = await request(PAGE, { "accept-encoding": encoding });
      expect(response.headers["content-encoding"], encoding).toBeUndefined();
      expect(response.body.equals(plain), encoding).toBe(true);
    }
    expect(br.headers["etag"]).toBe(gz.headers["etag"]);
  });

  it("answers 304 to its ETag without a body, and HEAD with the headers only", async () => {
    const etag = (await request(PAGE)).headers["etag"] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const revalidated = await request(PAGE, { "if-none-match": inm, "accept-encoding": "br" });
      expect(revalidated.status, inm).toBe(304);
      expect(byFront(revalidated)).toBe(true);
      expect(revalidated.headers["etag"]).toBe(etag);
      expect(revalidated.headers["cache-control"]).toBe(REVALIDATE);
      expect(revalidated.body.length).toBe(0);
    }
    expect((await request(PAGE, { "if-none-match": '"other"' })).status).toBe(200);
    const head = await request(PAGE, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(byFront(head)).toBe(true);
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(1000);
    expect(head.body.length).toBe(0);
  });

  it("serves the versioned address as immutable, and sends a superseded version to the current page", async () => {
    const published = (await findPublishedBudget(t.db, { region: "500109", year: 2024, unit: "104" }))!;
    const etag = (await request(PAGE)).headers["etag"];
    const versioned = await request(`${PAGE}/v${published.snapshotId}`);
    expect(versioned.status).toBe(200);
    expect(byFront(versioned)).toBe(true);
    expect(versioned.headers["cache-control"]).toBe(IMMUTABLE);
    expect(versioned.headers["etag"]).toBe(etag);
    expect((await request(`${PAGE}/v${published.snapshotId}`, { "if-none-match": etag as string })).status).toBe(304);
    // Not linking a published 决算: the -f version is not this one.
    const withFinal = await request(`${PAGE}/v${published.snapshotId}-f`);
    expect(withFinal.status).toBe(302);
    expect(byFront(withFinal)).toBe(true);
    expect(withFinal.headers["location"]).toBe(PAGE);
    expect(withFinal.headers["cache-control"]).toBe(REVALIDATE);
    expect(withFinal.headers["content-security-policy"]).toContain("default-src 'self'");

    // 预算调整: a new snapshot under the same address; the old version leads to it.
    const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
    const adjusted = await t.db.$transaction((tx) => freezeSnapshot(tx, budget.id, null));
    expect((await request(PAGE)).headers["etag"]).not.toBe(etag);
    const old = await request(`${PAGE}/v${published.snapshotId}`);
    expect(old.status).toBe(302);
    expect(old.headers["location"]).toBe(PAGE);
    const now = await request(`${PAGE}/v${adjusted.id}`);
    expect(now.status).toBe(200);
    expect(now.headers["cache-control"]).toBe(IMMUTABLE);
  });

  it("uses the route's memory of versions while publication events arrive, and forgets it at each publication", async () => {
    trustPageVersionEvents(true);
    try {
      const etag = (await request(PAGE)).headers["etag"];
      expect(pageVersionsSize()).toBe(1);
      const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
      const previous = (await findPublishedBudget(t.db, { region: "500109", year: 2024, unit: "104" }))!;
      const adjusted = await t.db.$transaction((tx) => freezeSnapshot(tx, budget.id, null));
      applyCacheEvent({ kind: "adjustment", snapshotId: adjusted.id, supersededId: previous.snapshotId });
      expect(pageVersionsSize()).toBe(0);
      await request(PAGE); // rendered by the route, which stores it
      const now = await request(PAGE);
      expect(byFront(now)).toBe(true);
      expect(now.headers["etag"]).not.toBe(etag);
      // A signed-in reader is never shown a remembered version (the primary is asked each time).
      forgetPageVersions();
      const signedIn = await request(PAGE, { cookie: "theme=dark; next-auth.session-token=abc" });
      expect(byFront(signedIn)).toBe(true);
      expect(signedIn.headers["etag"]).toBe(now.headers["etag"]);
      expect(pageVersionsSize()).toBe(0);
    } finally {
      trustPageVersionEvents(false);
    }
  });

  it("leaves everything else to Next: a key not published, a malformed address, other pages and methods", async () => {
    for (const [path, method] of [
      ["/b/500109/2024/134", "GET"],
      ["/b/500109/2024/99999", "GET"],
      ["/b/500109/2024/bad%20unit", "GET"],
      [`${PAGE}/latest`, "GET"],
      [`${PAGE}/v0`, "GET"],
      [`${PAGE}/`, "GET"],
      [PAGE, "POST"],
      [PAGE, "OPTIONS"],
    ] as const) {
      const response = await request(path, {}, method);
      expect(byFront(response), `${method} ${path}`).toBe(false);
    }
    // Not its addresses at all: declined at once, without a promise.
    for (const url of [`${PAGE}/print`, `${PAGE}/trace?table=T2`, `${PAGE}/final`, "/b/500109/2024", "/", "/api/open/budgets"]) {
      expect(servePublicPage({ method: "GET", url, headers: {} } as http.IncomingMessage, {} as http.ServerResponse), url).toBe(false);
    }
    // The 404 is the route's (Next's), the same as before the front door.
    const missing = await request("/b/500109/2024/134");
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain("该预算尚未公开或不存在");
  });
});
