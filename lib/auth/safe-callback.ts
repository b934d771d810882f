/**
 * Where to go after signing in: `requested` resolved against this site's origin, accepted only
 * when it stays on that origin (path, query and hash kept), else `fallback`. Resolving with the
 * URL parser is the point: browsers read "/\evil.example/" and "/\t/evil.example/" as
 * protocol-relative addresses of another host, which a startsWith("/") test lets through.
 */
export function safeCallbackPath(requested: unknown, origin: string, fallback = "/workspace"): string {
  if (typeof requested !== "string" || requested === "" || requested.length > 2000) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(requested, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path starting with "//" (or "/\") would again be protocol-relative when used as a link.
  return /^\/[^/\\]/.test(path) || path === "/" ? path : fallback;
}
