/**
 * The address a sign-in is counted against. X-Forwarded-For is written by whoever sends the
 * request, so it is read only when TRUST_PROXY says a reverse proxy is in front; even then only
 * its last entry counts, the hop that proxy appended (anything before it came from the client).
 * Without a proxy the address is the TCP peer.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, peer: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
    const last = header
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  return peer || "unknown";
}

export function trustProxy(env: Record<string, string | undefined> = process.env): boolean {
  const v = (env.TRUST_PROXY ?? "").trim().toLowerCase();
  return v !== "" && v !== "0" && v !== "false" && v !== "no";
}

/**
 * The request header carrying the address clientAddress chose. instrumentation.ts sets it on
 * every request as it arrives (overwriting anything a client sent under that name).
 */
export const CLIENT_ADDRESS_HEADER = "x-mingzhang-client-address";
