import { IMMUTABLE, REVALIDATE } from "./snapshot-cache";

/**
 * Caching headers of a public resource rendered from one snapshot. A URL carrying ?v=<id> of
 * the current snapshot names content that can never change: cached for a year, immutable. The
 * unversioned URL (or a stale ?v after a 预算调整) follows the current version: short shared
 * caching with revalidation. The ETag is the snapshot id either way.
 */
export function snapshotHeaders(requestUrl: string, snapshotId: number): Record<string, string> {
  const v = new URL(requestUrl).searchParams.get("v");
  return {
    "Cache-Control": v === String(snapshotId) ? IMMUTABLE : REVALIDATE,
    ETag: `"snapshot-${snapshotId}"`,
  };
}

/** True when the client already holds this snapshot's rendering (If-None-Match). */
export function isNotModified(request: Request, snapshotId: number): boolean {
  const tag = request.headers.get("if-none-match");
  return tag !== null && tag.split(",").some((t) => t.trim().replace(/^W\//, "") === `"snapshot-${snapshotId}"`);
}

/** Content-Disposition with an ASCII fallback and the Chinese name (RFC 6266 / 5987). */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
