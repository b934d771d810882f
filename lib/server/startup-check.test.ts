import { describe, expect, it } from "vitest";
import { startupProblems } from "./startup-check";

const ok = { NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3500", NEXTAUTH_SECRET: "s", PORT: "3500" } as NodeJS.ProcessEnv;

describe("a production server refuses to start without knowing its own address (issue 14)", () => {
  it("needs NEXTAUTH_URL (next-auth would fall back to localhost:3000, another server)", () => {
    expect(startupProblems(ok)).toEqual([]);
    expect(startupProblems({ ...ok, NEXTAUTH_URL: undefined })[0]).toMatch(/未设置 NEXTAUTH_URL/);
    expect(startupProblems({ ...ok, NEXTAUTH_URL: "localhost:3500" })[0]).toMatch(/不是有效的 http\(s\) 地址/);
    expect(startupProblems({ ...ok, NEXTAUTH_SECRET: "" })[0]).toMatch(/NEXTAUTH_SECRET/);
  });
  it("refuses a local NEXTAUTH_URL on another port than its own", () => {
    expect(startupProblems({ ...ok, NEXTAUTH_URL: "http://localhost:3000" })[0]).toMatch(/指向端口 3000，而本服务监听端口 3500/);
    expect(startupProblems({ ...ok, NEXTAUTH_URL: "https://budget.example.gov.cn" })).toEqual([]);
  });
  it("behind a reverse proxy (TRUST_PROXY), the local address may be the balancer's (issue 21)", () => {
    expect(startupProblems({ ...ok, NEXTAUTH_URL: "http://127.0.0.1:3300", TRUST_PROXY: "1" })).toEqual([]);
  });
  it("asks nothing in development", () => {
    expect(startupProblems({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toEqual([]);
  });
});
