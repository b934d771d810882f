import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("sign-in rate limiter", () => {
  it("allows `limit` attempts per window and key, then refuses until the window passes", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.allow("user:a"))).toEqual([true, true, true, false]);
    expect(limiter.allow("user:b")).toBe(true);
    now = 1000;
    expect(limiter.allow("user:a")).toBe(true);
  });
  it("forgets a key on reset (after a successful sign-in)", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => 0 });
    limiter.allow("k");
    expect(limiter.allow("k")).toBe(false);
    limiter.reset("k");
    expect(limiter.allow("k")).toBe(true);
  });
});

describe("sign-in rate limiter, forgiving successes", () => {
  it("lets an address sign in any number of times when the attempts succeed", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, now: () => 0 });
    for (let i = 0; i < 20; i++) {
      expect(limiter.allow("addr:office")).toBe(true);
      limiter.forgive("addr:office");
    }
    // Failures still use the allowance up.
    expect([1, 2, 3, 4].map(() => limiter.allow("addr:office"))).toEqual([true, true, true, false]);
  });
});

describe("the locked-out answer (issue 14)", () => {
  it("says how many minutes to wait", async () => {
    const { lockedOutMessage } = await import("./rate-limit");
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 15 * 60_000, now: () => now });
    limiter.allow("k");
    limiter.allow("k");
    expect(limiter.retryAfterMs("k")).toBe(0);
    now = 60_000;
    expect(limiter.allow("k")).toBe(false);
    expect(lockedOutMessage(limiter.retryAfterMs("k"))).toBe("尝试次数过多，请 14 分钟后再试");
    now = 15 * 60_000 - 1;
    expect(lockedOutMessage(limiter.retryAfterMs("k"))).toBe("尝试次数过多，请 1 分钟后再试");
  });
  it("keeps a bounded number of keys (rotating names cannot grow it without limit)", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => 0, maxKeys: 3 });
    for (const k of ["a", "b", "c", "d"]) limiter.allow(k);
    expect(limiter.allow("a")).toBe(true); // forgotten, so counted afresh
  });
});
