import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password";

describe("password hashing (issue 14: CPU exhaustion at sign-in)", () => {
  it("is argon2id and leaves the event loop free while 8 hashes run", async () => {
    // Counted, not timed: while the hashes run on the thread pool the event loop keeps turning
    // (many turns); a hash computed on this thread would hold it for the whole computation.
    let turns = 0;
    let hashing = true;
    const spin = () => {
      turns++;
      if (hashing) setImmediate(spin);
    };
    setImmediate(spin);
    const hashes = await Promise.all(Array.from({ length: 8 }, (_, i) => hashPassword(`password-${i}`)));
    hashing = false;
    for (const h of hashes) expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashes[3]!, "password-3")).toBe(true);
    expect(await verifyPassword(hashes[3]!, "password-4")).toBe(false);
    expect(turns).toBeGreaterThan(20);
  });
  it("treats a damaged stored hash as a wrong password and marks old schemes for rehash", async () => {
    expect(await verifyPassword("$argon2id$garbage", "x")).toBe(false);
    expect(needsRehash("$2a$12$abcdefghijklmnopqrstuu")).toBe(true);
    expect(needsRehash("$argon2id$v=19$m=19456,t=2,p=1$x$y")).toBe(false);
  });
});
