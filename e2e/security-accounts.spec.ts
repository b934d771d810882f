import { expect, request as playwrightRequest, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_S } from "../lib/auth/session-age";
import { E2E_PORT, e2eSecret, loadWorld, SECURITY_PASSWORD, signInApi, WORLD } from "./security-world";

/**
 * Accounts: slow password hashes, sign-in attempts limited per account and per address (without
 * locking out an office whose colleagues sign in from one address), sessions that expire.
 * Addresses are given as X-Forwarded-For (how 明账 sees them behind a proxy), each test its own,
 * so that no other spec's sign-ins are affected.
 */

const baseURL = `http://localhost:${E2E_PORT}`;
const ATTEMPTS = 10; // lib/auth/rate-limit.ts SIGN_IN_ATTEMPTS_PER_WINDOW
// Unique per run: the limiter lives as long as the server, which may outlive one test run.
const run = Date.now() % 200;

test.beforeAll(() => {
  test.setTimeout(120_000);
  loadWorld();
});

test("passwords are stored as bcrypt hashes of cost 12 or more", () => {
  const hashes = loadWorld().passwordHashes;
  expect(hashes.length).toBeGreaterThan(5);
  for (const h of hashes) expect(h).toMatch(/^\$2[aby]\$(1[2-9]|[2-3]\d)\$[./A-Za-z0-9]{53}$/);
});

test(`an account is locked after ${ATTEMPTS} wrong passwords, whatever the address; others are not`, async () => {
  test.setTimeout(120_000);
  const account = WORLD.users.rateLimited[0];
  const r = await playwrightRequest.newContext({ baseURL });
  for (let i = 0; i < ATTEMPTS; i++) expect(await signInApi(r, account, "wrong-password", `198.51.${run}.${i + 1}`)).toBe(false);
  // The right password, from an address never seen: still refused.
  expect(await signInApi(r, account, SECURITY_PASSWORD, `198.51.${run}.200`)).toBe(false);
  // Another account from that same address signs in.
  const other = await playwrightRequest.newContext({ baseURL });
  expect(await signInApi(other, WORLD.users.rateLimited[2], SECURITY_PASSWORD, `198.51.${run}.201`)).toBe(true);
  await r.dispose();
  await other.dispose();
});

test(`an address is blocked after ${ATTEMPTS} failed sign-ins, whatever the account; other addresses are not`, async () => {
  test.setTimeout(120_000);
  const address = `203.0.${run}.7`;
  const r = await playwrightRequest.newContext({ baseURL });
  for (let i = 0; i < ATTEMPTS; i++) expect(await signInApi(r, `nobody.${run}.${i}`, "guess", address)).toBe(false);
  expect(await signInApi(r, WORLD.users.rateLimited[1], SECURITY_PASSWORD, address)).toBe(false);
  const elsewhere = await playwrightRequest.newContext({ baseURL });
  expect(await signInApi(elsewhere, WORLD.users.rateLimited[1], SECURITY_PASSWORD, `203.0.${run}.8`)).toBe(true);
  await r.dispose();
  await elsewhere.dispose();
});

test(`successful sign-ins do not use up an address's allowance (${ATTEMPTS * 2} colleagues behind one address)`, async () => {
  test.setTimeout(120_000);
  const address = `192.0.${run}.10`;
  for (let i = 0; i < ATTEMPTS * 2; i++) {
    const r = await playwrightRequest.newContext({ baseURL });
    expect(await signInApi(r, WORLD.users.rateLimited[2], SECURITY_PASSWORD, address), `sign-in ${i + 1}`).toBe(true);
    await r.dispose();
  }
});

test(`a session lasts ${SESSION_MAX_AGE_S / 3600} hours and is refused once expired`, async () => {
  const r = await playwrightRequest.newContext({ baseURL });
  const before = Date.now();
  expect(await signInApi(r, WORLD.users.rateLimited[2], SECURITY_PASSWORD, `192.0.${run}.11`)).toBe(true);
  const cookie = (await r.storageState()).cookies.find((c) => c.name === "next-auth.session-token");
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  // The cookie and the session end SESSION_MAX_AGE_S after sign-in (give or take the request).
  expect(Math.abs(cookie!.expires * 1000 - (before + SESSION_MAX_AGE_S * 1000))).toBeLessThan(120_000);
  const session = (await (await r.get("/api/auth/session")).json()) as { expires: string; uid: number };
  expect(Math.abs(Date.parse(session.expires) - (before + SESSION_MAX_AGE_S * 1000))).toBeLessThan(120_000);

  // Tokens signed with the server's own secret: one still valid, one past its expiry.
  const secret = e2eSecret();
  const tokenFor = (maxAge: number) => encode({ token: { uid: session.uid, name: "x" }, secret, maxAge });
  const withToken = async (token: string) => {
    const c = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` } });
    const s = (await (await c.get("/api/auth/session")).json()) as { uid?: number };
    const page = await c.get("/workspace", { maxRedirects: 0 });
    await c.dispose();
    return { uid: s.uid, workspace: page.status() };
  };
  expect(await withToken(await tokenFor(600))).toEqual({ uid: session.uid, workspace: 200 });
  // Expired a minute ago (next-auth allows 15 s of clock skew).
  expect(await withToken(await tokenFor(-60))).toEqual({ uid: undefined, workspace: 307 });
  // A token from another secret is no session either.
  expect(await withToken(await encode({ token: { uid: session.uid }, secret: "not-the-secret", maxAge: 600 }))).toEqual({ uid: undefined, workspace: 307 });
  await r.dispose();
});
