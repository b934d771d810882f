import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_S } from "../lib/auth/session-age";
import { actionIds, answerMessage, callAction, E2E_PORT, e2eSecret, loadWorld, SECURITY_PASSWORD, signInApi, WORLD } from "./security-world";

/**
 * Accounts: slow password hashes, sign-in attempts limited per account and per address (without
 * locking out an office whose colleagues sign in from one address), sessions that expire.
 * Addresses are given as X-Forwarded-For (the e2e server runs with TRUST_PROXY, the tests
 * standing in for the proxy), each test its own, so that no other spec's sign-ins are affected.
 */

const baseURL = `http://localhost:${E2E_PORT}`;
const ATTEMPTS = 10; // lib/auth/rate-limit.ts SIGN_IN_ATTEMPTS_PER_WINDOW
// Unique per run: the limiter lives as long as the server, which may outlive one test run.
const run = Date.now() % 200;

test.beforeAll(() => {
  test.setTimeout(120_000);
  loadWorld();
});

test("passwords are stored as argon2id hashes (19 MiB, 2 passes or more)", () => {
  const hashes = loadWorld().passwordHashes;
  expect(hashes.length).toBeGreaterThan(5);
  for (const h of hashes) {
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/.exec(h);
    expect(m, h.slice(0, 30)).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(m![2])).toBeGreaterThanOrEqual(2);
  }
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
  const session = (await (await r.get("/api/auth/session")).json()) as { expires: string; uid: number; sv: number };
  expect(Math.abs(Date.parse(session.expires) - (before + SESSION_MAX_AGE_S * 1000))).toBeLessThan(120_000);

  // Tokens signed with the server's own secret: one still valid, one past its expiry.
  const secret = e2eSecret();
  const tokenFor = (maxAge: number) => encode({ token: { uid: session.uid, sv: session.sv, name: "x" }, secret, maxAge });
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
  expect(await withToken(await encode({ token: { uid: session.uid, sv: session.sv }, secret: "not-the-secret", maxAge: 600 }))).toEqual({
    uid: undefined,
    workspace: 307,
  });
  // A token without the session version (or with an old one) is no session.
  expect(await withToken(await encode({ token: { uid: session.uid }, secret, maxAge: 600 }))).toEqual({ uid: undefined, workspace: 307 });
  expect(await withToken(await encode({ token: { uid: session.uid, sv: session.sv - 1 }, secret, maxAge: 600 }))).toEqual({ uid: undefined, workspace: 307 });
  await r.dispose();
});

test("behind the proxy only the hop it appended counts: a client-written X-Forwarded-For does not rotate the address", async () => {
  test.setTimeout(120_000);
  const proxyHop = `203.0.${run}.66`;
  const r = await playwrightRequest.newContext({ baseURL });
  // Each attempt claims another address in front of the proxy's own hop.
  for (let i = 0; i < ATTEMPTS; i++) expect(await signInApi(r, `spoof.${run}.${i}`, "guess", `10.${run}.0.${i + 1}, ${proxyHop}`)).toBe(false);
  expect(await signInApi(r, WORLD.users.rateLimited[1], SECURITY_PASSWORD, `10.${run}.9.9, ${proxyHop}`)).toBe(false);
  await r.dispose();
});

test("a locked-out user is told 尝试次数过多，请 N 分钟后再试; a wrong password gets the generic answer", async ({ page }) => {
  test.setTimeout(120_000);
  const address = `203.0.${run}.77`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  await page.goto("/signin");
  const attempt = async (username: string, password: string) => {
    await page.getByLabel("用户名").fill("");
    await page.getByLabel("用户名").pressSequentially(username);
    await page.getByLabel("密码").fill("");
    await page.getByLabel("密码").pressSequentially(password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
    return page.locator("form [role=alert]").innerText();
  };
  expect(await attempt(`nobody.lock.${run}`, "guess")).toBe("用户名或密码错误");
  const r = await playwrightRequest.newContext({ baseURL });
  for (let i = 1; i < ATTEMPTS; i++) await signInApi(r, `nobody.lock.${run}.${i}`, "guess", address);
  await r.dispose();
  expect(await attempt(WORLD.users.rateLimited[2], SECURITY_PASSWORD)).toMatch(/^尝试次数过多，请 1[45] 分钟后再试$/);
});

test("after sign-in the browser stays on this site, whatever the callbackUrl", async ({ page }) => {
  test.setTimeout(120_000);
  for (const callback of ["/%5Cevil.example/", "/%09/evil.example/", "//evil.example/", `http://localhost:${E2E_PORT}.evil.example/`]) {
    await page.context().clearCookies();
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.${run}.30` });
    await page.goto(`/signin?callbackUrl=${callback}`);
    await page.getByLabel("用户名").pressSequentially(WORLD.users.rateLimited[2]);
    await page.getByLabel("密码").pressSequentially(SECURITY_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(new URL(page.url()).host, callback).toBe(`localhost:${E2E_PORT}`);
  }
  // next-auth's own callbackUrl: no 500, and never a redirect to another host.
  const r = await playwrightRequest.newContext({ baseURL });
  for (const callback of [`http://localhost:${E2E_PORT}.evil.example/`, "https://evil.example/", "/\\evil.example/"]) {
    const page = await r.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callback)}`, { maxRedirects: 0 });
    expect(page.status(), callback).toBeLessThan(500);
    const csrf = (await (await r.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const post = await r.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, username: WORLD.users.rateLimited[2], password: SECURITY_PASSWORD, callbackUrl: callback },
      headers: { "x-forwarded-for": `192.0.${run}.31` },
      maxRedirects: 0,
    });
    expect(post.status(), callback).toBeLessThan(500);
    const location = post.headers()["location"] ?? "";
    expect(new URL(location, baseURL).host, `${callback} → ${location}`).toBe(`localhost:${E2E_PORT}`);
  }
  await r.dispose();
});

async function sessionCookie(r: APIRequestContext): Promise<string> {
  const cookie = (await r.storageState()).cookies.find((c) => c.name === "next-auth.session-token");
  expect(cookie).toBeDefined();
  return cookie!.value;
}

async function meWith(token: string): Promise<boolean> {
  const c = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` } });
  const me = (await (await c.get("/api/me")).json()) as { signedIn: boolean };
  const session = (await (await c.get("/api/auth/session")).json()) as { uid?: number };
  await c.dispose();
  expect(typeof session.uid === "number").toBe(me.signedIn);
  return me.signedIn;
}

test("a session token replayed after sign-out or after a password reset is no session", async () => {
  test.setTimeout(120_000);
  const account = WORLD.users.rateLimited[2];
  // Sign-out: the token kept from before is refused afterwards.
  const r = await playwrightRequest.newContext({ baseURL });
  expect(await signInApi(r, account, SECURITY_PASSWORD, `192.0.${run}.40`)).toBe(true);
  const token = await sessionCookie(r);
  expect(await meWith(token)).toBe(true);
  const csrf = (await (await r.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await r.post("/api/auth/signout", { form: { csrfToken: csrf.csrfToken, json: "true" } })).status()).toBe(200);
  expect(await meWith(token)).toBe(false);
  await r.dispose();

  // Password reset by the admin: the user's open session ends.
  const user = await playwrightRequest.newContext({ baseURL });
  expect(await signInApi(user, account, SECURITY_PASSWORD, `192.0.${run}.41`)).toBe(true);
  const userToken = await sessionCookie(user);
  const admin = await playwrightRequest.newContext({ baseURL });
  expect(await signInApi(admin, WORLD.users.admin, SECURITY_PASSWORD, `192.0.${run}.42`)).toBe(true);
  const world = loadWorld();
  const userId = world.userIds[account];
  expect(userId).toBeDefined();
  const ids = actionIds();
  const reset = await callAction(admin, ids.get("lib/actions/admin/users.ts#resetPasswordAction")!, "/admin/users", {
    form: { userId: String(userId), password: SECURITY_PASSWORD },
  });
  expect(answerMessage(reset)).toBe("已重设密码");
  expect(await meWith(userToken)).toBe(false);
  await user.dispose();
  await admin.dispose();
});
