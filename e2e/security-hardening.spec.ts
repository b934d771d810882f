import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import {
  actionIds,
  answerMessage,
  callAction,
  DIST_DIR,
  E2E_PORT,
  e2eDatabaseUrl,
  e2eSecret,
  loadWorld,
  ROOT,
  SECURITY_PASSWORD,
  signInApi,
  WORLD,
} from "./security-world";

/**
 * Issue 14: the public page cache writes nothing for unknown addresses; server actions answer
 * malformed input with a Chinese message, never a 500; a server without TRUST_PROXY ignores
 * X-Forwarded-For; a production server without NEXTAUTH_URL refuses to start.
 */

const baseURL = `http://localhost:${E2E_PORT}`;

test.beforeAll(() => {
  test.setTimeout(120_000);
  loadWorld();
});

function filesUnder(dir: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        count++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { count, bytes };
}

test("unknown addresses under /b/ answer 404 and write nothing to disk; published pages are not served from Next's URL cache", async ({ request }) => {
  test.setTimeout(120_000);
  const published = `/b/${WORLD.regionHere}/2024/${WORLD.units.published}`;
  expect((await request.get(published)).status()).toBe(200);
  const before = filesUnder(DIST_DIR);
  const unknown = [
    "/b/5001090/2024/104",
    "/b/%25/2024/104",
    `/b/${WORLD.regionHere}/2024/${WORLD.units.draft}`,
    `/b/${WORLD.regionHere}/1999/${WORLD.units.published}`,
    ...Array.from({ length: 20 }, (_, i) => `/b/${WORLD.regionHere}/2024/9${String(i).padStart(5, "0")}`),
    `/b/${WORLD.regionHere}/2031`,
  ];
  for (const url of unknown) expect((await request.get(url)).status(), url).toBe(404);
  const again = await request.get(published);
  expect(again.status()).toBe(200);
  expect(again.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(filesUnder(DIST_DIR)).toEqual(before);
});

test("server actions answer malformed input with a Chinese message, never a 500", async () => {
  test.setTimeout(120_000);
  const world = loadWorld();
  const ids = actionIds();
  const id = (name: string) => ids.get(name)!;
  const accountant = await playwrightRequest.newContext({ baseURL });
  expect(await signInApi(accountant, WORLD.users.accountantSubmitted, SECURITY_PASSWORD, "192.0.2.150")).toBe(true);
  const ws = (name: string, file: string) => `lib/actions/budget/${file}.ts#${name}`;
  const budgetId = world.budgets.submitted.id;
  const probes: [string, unknown[], RegExp][] = [
    [ws("resolveCommentAction", "resolve-comment"), [{ budgetId, commentId: world.commentId, answer: 42 }], /答复应为文字/],
    [ws("resolveCommentAction", "resolve-comment"), [{ budgetId, commentId: world.commentId, answer: { toString: "x" } }], /答复应为文字/],
    [ws("submitBudgetAction", "submit-budget"), [{ budgetId, expectedVersion: 1, comment: 7 }], /报送说明应为文字/],
    [ws("submitBudgetAction", "submit-budget"), [{ budgetId, expectedVersion: 1, comment: "长".repeat(100_000) }], /报送说明不能超过 2000 字/],
    [ws("startAdjustmentAction", "start-adjustment"), [{ budgetId, expectedVersion: 1, comment: ["x"] }], /调整原因/],
    [ws("importIntoBudgetAction", "import-into-budget"), [{ budgetId, expectedVersion: 1, text: "{}", mode: "merge", apply: "false" }], /请求无效/],
    [ws("importIntoBudgetAction", "import-into-budget"), [{ budgetId: "0x1", expectedVersion: 1, text: "{}", mode: "merge", apply: false }], /请求无效/],
    [ws("saveSectionAction", "save-section"), [null], /请求无效/],
    [ws("saveSectionAction", "save-section"), [{ budgetId: 1, expectedVersion: "0x1", section: "unit", values: {} }], /请求无效/],
    [ws("saveSectionAction", "save-section"), [], /请求无效/],
    [ws("createBudgetAction", "create-budget"), [{ departmentId: "1e0", year: 2030 }], /请求无效/],
    [ws("startNextYearAction", "start-next-year"), [{}], /请求无效/],
  ];
  for (const [name, args, expected] of probes) {
    const answer = await callAction(accountant, id(name), "/", { json: args });
    expect(answer.status, `${name} ${JSON.stringify(args).slice(0, 80)}`).toBe(200);
    expect(answerMessage(answer), `${name} ${JSON.stringify(args).slice(0, 80)}`).toMatch(expected);
  }
  // Bodies that are not what React sends at all.
  const headers = { "Next-Action": id(ws("submitBudgetAction", "submit-budget")), Accept: "text/x-component", Origin: baseURL };
  for (const body of ["not json", "[", "{}", '"x"', "null", "[1,2,3]", '{"0":1}', "\u0000", ""]) {
    const r = await accountant.post("/", { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 });
    expect(r.status(), JSON.stringify(body)).toBeLessThan(500);
  }
  const multipart = await accountant.post("/", { headers, multipart: { "0": "not json" }, maxRedirects: 0 });
  expect(multipart.status(), "multipart").toBeLessThan(500);
  await accountant.dispose();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

function startNext(port: number, env: Record<string, string | undefined>): { child: ChildProcess; log: () => string } {
  let log = "";
  const child = spawn(process.execPath, [`${ROOT}/node_modules/next/dist/bin/next`, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      TRUST_PROXY: undefined,
      DATABASE_URL: e2eDatabaseUrl(),
      NEXTAUTH_SECRET: e2eSecret(),
      NEXT_DIST_DIR: DIST_DIR.slice(ROOT.length + 1),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  return { child, log: () => log };
}

test("a production server without NEXTAUTH_URL refuses to start, saying why", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const { child, log } = startNext(port, { NEXTAUTH_URL: undefined });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 60_000);
    child.once("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code, log()).toBe(1);
  expect(log()).toContain("未设置 NEXTAUTH_URL");
});

test("without TRUST_PROXY a client-sent X-Forwarded-For does not give each attempt a new address", async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { child, log } = startNext(port, { NEXTAUTH_URL: origin });
  try {
    let up = false;
    for (let i = 0; i < 120 && !up; i++) {
      try {
        up = (await fetch(`${origin}/api/me`)).status === 200;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(up, log()).toBe(true);
    const r = await playwrightRequest.newContext({ baseURL: origin });
    for (let i = 0; i < 10; i++) expect(await signInApi(r, `nobody.spoof.${i}`, "guess", `198.18.0.${i + 1}`)).toBe(false);
    // A right password, claiming yet another address: still this peer's address, which is blocked.
    expect(await signInApi(r, WORLD.users.rateLimited[1], SECURITY_PASSWORD, "198.18.9.9")).toBe(false);
    await r.dispose();
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
});
