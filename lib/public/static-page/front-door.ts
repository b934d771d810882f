import type { IncomingMessage, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "@/lib/server/security-headers.cjs";
import { parsePublicKey } from "../public-key";
import { hasSessionCookie } from "../read-published";
import { IMMUTABLE, REVALIDATE } from "../snapshot-cache";
import { currentPageVersion, parseVersionSegment, sameVersion, storedBudgetPageIfAny } from "./budget-page";
import { chooseEncoding, matchesEtag, pageBytes } from "./serve";

/**
 * The public budget page answered before Next's router (lib/cli/server.cjs): under load, Next's
 * route-handler machinery per request (web Request and Response, route preparation, streams)
 * bounds the page at a few hundred requests a second, and Next drops a route handler's
 * Content-Encoding, so the stored brotli and gzip bytes could not be sent. The same decisions as
 * the route (app/b/[region]/[year]/[unit]/budget-page-response.ts): which version a key shows
 * (currentPageVersion, with its publication-event memory), its stored page, the same ETag and
 * Cache-Control. What it does not answer it leaves to Next, which answers as before: a key
 * not published (Next renders the 404 page), a page not stored yet (the route renders and
 * stores it), any other address, and anything that fails here.
 */
export type FrontDoor = (req: IncomingMessage, res: ServerResponse) => false | Promise<boolean>;

// /b/{region}/{year}/{unit} and /b/{region}/{year}/{unit}/v{snapshot}[-f]; the segments are
// checked by parsePublicKey and parseVersionSegment (letters and digits only, so a
// percent-encoded address is never one of them and goes to Next, which decodes it).
const ADDRESS = /^\/b\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)(?:\/(v[^/?#]+))?(?:\?.*)?$/;

const securityHeaders: [string, string][] = SECURITY_HEADERS.map((h) => [h.key, h.value]);

function send(res: ServerResponse, status: number, headers: [string, string][], body?: Buffer): void {
  res.statusCode = status;
  for (const [name, value] of securityHeaders) res.setHeader(name, value);
  for (const [name, value] of headers) res.setHeader(name, value);
  res.end(body);
}

export const servePublicPage: FrontDoor = (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const m = req.url?.startsWith("/b/") ? ADDRESS.exec(req.url) : null;
  if (!m) return false;
  const [, region = "", year = "", unit = "", version] = m;
  const key = parsePublicKey(region, year, unit);
  const asked = version === undefined ? null : parseVersionSegment(version);
  if (!key || (version !== undefined && !asked)) return false;
  return answer(req, res, key, asked, `/b/${region}/${year}/${unit}`);
};

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  key: NonNullable<ReturnType<typeof parsePublicKey>>,
  asked: ReturnType<typeof parseVersionSegment>,
  address: string,
): Promise<boolean> {
  const reader = { signedIn: hasSessionCookie(req.headers.cookie) };
  let current;
  let page;
  try {
    current = await currentPageVersion(key, reader);
    if (!current) return false;
    if (asked && !sameVersion(asked, current)) {
      send(res, 302, [
        ["Location", address],
        ["Cache-Control", REVALIDATE],
      ]);
      return true;
    }
    page = await storedBudgetPageIfAny(current, reader);
    if (!page) return false;
  } catch {
    // The route asks the same of the database, and answers (or fails) as it always has.
    return false;
  }
  const headers: [string, string][] = [
    ["Cache-Control", asked ? IMMUTABLE : REVALIDATE],
    ["ETag", page.etag],
    ["Vary", "Accept-Encoding"],
  ];
  if (matchesEtag(req.headers["if-none-match"] ?? null, page.etag)) {
    send(res, 304, headers);
    return true;
  }
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const body = pageBytes(page, encoding);
  headers.push(["Content-Type", "text/html; charset=utf-8"], ["Content-Length", String(body.length)]);
  if (encoding !== "identity") headers.push(["Content-Encoding", encoding]);
  send(res, 200, headers, req.method === "HEAD" ? undefined : body);
  return true;
}
