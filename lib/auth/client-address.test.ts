import { describe, expect, it } from "vitest";
import { clientAddress, trustProxy } from "./client-address";

describe("the address sign-ins are counted against (issue 14: spoofable X-Forwarded-For)", () => {
  it("is the TCP peer unless TRUST_PROXY is set: a client-sent X-Forwarded-For changes nothing", () => {
    expect(clientAddress("203.0.113.1", "127.0.0.1", false)).toBe("127.0.0.1");
    expect(clientAddress("1.1.1.1, 2.2.2.2", "::1", false)).toBe("::1");
    expect(clientAddress(undefined, undefined, false)).toBe("unknown");
  });
  it("behind a trusted proxy is the hop the proxy appended (the last), not what the client wrote", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.7", "10.0.0.2", true)).toBe("198.51.100.7");
    expect(clientAddress(["6.6.6.6", "198.51.100.8"], "10.0.0.2", true)).toBe("198.51.100.8");
    expect(clientAddress(undefined, "10.0.0.2", true)).toBe("10.0.0.2");
  });
  it("reads TRUST_PROXY as a switch", () => {
    expect(trustProxy({})).toBe(false);
    expect(trustProxy({ TRUST_PROXY: "0" })).toBe(false);
    expect(trustProxy({ TRUST_PROXY: "false" })).toBe(false);
    expect(trustProxy({ TRUST_PROXY: "1" })).toBe(true);
  });
});
