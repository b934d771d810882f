/**
 * What a locked-out user is told: 尝试次数过多，请 N 分钟后再试 (N rounded up, at least 1). Its own
 * module so the sign-in form can recognise it without the limiter.
 */
export function lockedOutMessage(retryAfterMs: number): string {
  return `尝试次数过多，请 ${Math.max(1, Math.ceil(retryAfterMs / 60_000))} 分钟后再试`;
}
export const LOCKED_OUT_PREFIX = "尝试次数过多";
