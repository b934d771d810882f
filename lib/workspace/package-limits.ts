/**
 * The largest Budget Package the workspace accepts, in UTF-8 bytes of what is sent: a server
 * action's body limit is in bytes (next.config.mjs, 6 MB), and 2 M Chinese characters are 6 MB.
 * Counting characters let such a file reach the limit and fail as "网络或服务器异常"; the
 * browser checks the bytes first and says what is wrong.
 */
export const MAX_PACKAGE_BYTES = 5 * 1024 * 1024;
export const PACKAGE_TOO_LARGE = "预算包文件过大（超过 5 MB）";

/** Bytes the text takes inside the action's JSON body (quotes and escapes included). */
export function packagePayloadBytes(text: string): number {
  return new TextEncoder().encode(JSON.stringify(text)).length;
}

export function packageTooLarge(text: string): boolean {
  // Cheap bounds first: a UTF-8 character is 1–3 bytes (4 for a surrogate pair of 2 units), and an
  // escape at most 6 bytes.
  if (text.length > MAX_PACKAGE_BYTES) return true;
  return packagePayloadBytes(text) > MAX_PACKAGE_BYTES;
}
