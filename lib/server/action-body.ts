/**
 * A server action's body as React's client sends it: the arguments as a JSON array, either the
 * whole text body or the multipart field "0". Next answers anything else with a 500 (its decoder
 * throws before the action runs), so proxy.ts refuses it first with a 400.
 */
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024; // next.config.mjs serverActions.bodySizeLimit

export function isArgumentsJson(text: unknown): boolean {
  if (typeof text !== "string") return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
