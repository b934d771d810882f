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
