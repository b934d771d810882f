import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { actionIds, callAction, DIST_DIR, e2eDatabaseUrl, ROOT, SECURITY_PASSWORD, signInApi, TSX } from "./security-world";

/**
 * Crash safety: a production server of its own (lib/cli/server.cjs on the e2e build, its own database
 * on the e2e PostgreSQL) is killed with SIGKILL while section saves, package imports and
 * publications are being written — at the moment PostgreSQL shows one of their transactions
 * writing. After a restart, every budget is either wholly changed or not at all, and the app
 * serves pages and sign-ins again.
 */

const BUDGETS = 8;
const database = `mingzhang_crash_${process.pid}_${randomBytes(3).toString("hex")}`;
const url = e2eDatabaseUrl(database);
const secret = randomBytes(32).toString("base64url");
let port = 0;
let server: ChildProcess | undefined;
let serverLog = "";
let budgets: { kind: "draft" | "approved"; id: number; username: string; unit: string }[] = [];

const origin = () => `http://127.0.0.1:${port}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

async function admin<T>(work: (c: pg.Client) => Promise<T>, db = "postgres"): Promise<T> {
  const c = new pg.Client({ connectionString: e2eDatabaseUrl(db) });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function startServer() {
  serverLog = "";
  server = spawn(process.execPath, [`${ROOT}/lib/cli/server.cjs`, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_DIST_DIR: DIST_DIR.slice(ROOT.length + 1),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d: Buffer) => (serverLog += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (serverLog += d.toString()));
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not start:\n${serverLog}`);
}

async function killServer() {
  const s = server;
  server = undefined;
  if (!s || s.exitCode !== null || s.signalCode !== null) return;
  const exited = new Promise((r) => s.once("exit", r));
  s.kill("SIGKILL");
  await exited;
}

/**
 * Transactions of the crash database in the middle of writing: those PostgreSQL has given a
 * transaction id, which it does at a transaction's first write. Not the statement's text: the
 * basic save is one `with … insert` statement outside any transaction block, which neither
 * starts with `insert` nor is ever idle in a transaction.
 */
async function writing(c: pg.Client): Promise<number> {
  const r = await c.query<{ n: string }>(
    `select count(*)::text as n from pg_stat_activity
      where datname = $1 and pid <> pg_backend_pid() and backend_xid is not null`,
    [database],
  );
  return Number(r.rows[0]!.n);
}

/**
 * Runs `workers` (each a loop of requests, until told to stop), kills the server with SIGKILL as
 * soon as PostgreSQL shows one of their transactions writing after some request has already
 * been answered (or, for one-shot work, at the first write), waits until PostgreSQL has rolled
 * back what the dead server left, and starts the server again.
 */
async function crashDuring(workers: ((alive: () => boolean, answered: () => void) => Promise<void>)[], opts: { afterAnswers: boolean }) {
  let answered = 0;
  let alive = true;
  let running = workers.length;
  const all = workers.map((w) =>
    w(
      () => alive,
      () => answered++,
    ).then(
      () => running--,
      () => running--,
    ),
  );
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let writingAtKill = 0;
  try {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && running > 0) {
      const n = await writing(c);
      if (n > 0 && (!opts.afterAnswers || answered > 0)) {
        writingAtKill = n;
        break;
      }
    }
    const inFlight = running;
    alive = false;
    await killServer();
    await Promise.all(all);
    for (let i = 0; i < 100 && (await writing(c)) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await writing(c)).toBe(0);
    await startServer();
    return { inFlight, writingAtKill, answered };
  } finally {
    await c.end();
  }
}

async function signedIn(username: string): Promise<APIRequestContext> {
  const r = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${port}` });
  expect(await signInApi(r, username, SECURITY_PASSWORD)).toBe(true);
  return r;
}

test.describe.serial("kill -9 of the server while writing", () => {
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await admin((c) => c.query(`create database "${database}"`));
    budgets = JSON.parse(
      execFileSync(process.execPath, [TSX, "e2e/security-crash-setup.ts", String(BUDGETS)], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url },
        encoding: "utf8",
        timeout: 180_000,
      }),
    );
    port = await freePort();
    await startServer();
  });

  test.afterAll(async () => {
    await killServer();
    await admin((c) => c.query(`drop database if exists "${database}" with (force)`));
  });

  const drafts = () => budgets.filter((b) => b.kind === "draft");
  const approved = () => budgets.filter((b) => b.kind === "approved");

  async function basicState(id: number) {
    return admin(async (c) => {
      const b = await c.query<{ version: number; status: string }>(`select version, status from "Budget" where id = $1`, [id]);
      const lines = await c.query<{ amount: string }>(`select amount::text from "BasicLine" where "budgetId" = $1 order by position`, [id]);
      const events = await c.query<{ action: string; changes: string }>(
        `select e.action, jsonb_array_length(e.changes)::text as changes from "BudgetEvent" e where "budgetId" = $1 order by e.id`,
        [id],
      );
      return { version: b.rows[0]!.version, status: b.rows[0]!.status, amounts: lines.rows.map((l) => l.amount), events: events.rows };
    }, database);
  }

  /**
   * Every budget is as before, or carries its committed changes whole: the amounts of the last
   * committed one (`marker(k)` on every line), one version and one `action` event per change.
   */
  async function wholeOrNothing(before: Map<number, Awaited<ReturnType<typeof basicState>>>, marker: (k: number) => string, action: string) {
    const tally = { changed: 0, untouched: 0, committed: 0 };
    for (const [id, was] of before) {
      const now = await basicState(id);
      const k = now.version - was.version;
      expect(k).toBeGreaterThanOrEqual(0);
      if (k === 0) {
        expect(now).toEqual(was);
        tally.untouched++;
      } else {
        expect(now.amounts).toEqual(was.amounts.map(() => marker(k)));
        expect(now.events.slice(0, was.events.length)).toEqual(was.events);
        expect(now.events.slice(was.events.length).map((e) => e.action)).toEqual(Array(k).fill(action));
        tally.changed++;
        tally.committed += k;
      }
    }
    return tally;
  }

  async function appStillWorks(username: string, budgetId: number) {
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const r = await signedIn(username);
    expect((await r.get(`/workspace/budgets/${budgetId}`)).status()).toBe(200);
    await r.dispose();
    expect(serverLog).not.toMatch(/Error|⨯/);
  }

  const ROUNDS = 6;
  const marker = (base: number) => (k: number) => `${base + k}.${String(k).padStart(2, "0")}`;

  test("during section saves: each save is wholly stored or not at all", async () => {
    test.setTimeout(180_000);
    const id = actionIds().get("lib/actions/budget/save-section.ts#saveSectionAction")!;
    const before = new Map(await Promise.all(drafts().map(async (b) => [b.id, await basicState(b.id)] as const)));
    const clients = await Promise.all(drafts().map((b) => signedIn(b.username)));
    const amount = marker(10000);
    // Every basic line at the save's own amount: a partial write would leave lines at other amounts.
    const pkg = (await (await clients[0]!.get(`/api/budgets/${drafts()[0]!.id}/package`)).json()) as {
      basicExpenditure: { function: string; economic: string; fund?: string }[];
    };
    const valuesOf = (k: number) => ({
      basicExpenditure: pkg.basicExpenditure.map((l) => ({ function: l.function, economic: l.economic, fund: l.fund ?? "generalBudget", amount: amount(k) })),
    });
    const result = await crashDuring(
      drafts().map((b, i) => async (alive, answered) => {
        let version = before.get(b.id)!.version;
        for (let k = 1; k <= ROUNDS && alive(); k++) {
          const a = await callAction(
            clients[i]!,
            id,
            "/",
            { json: [{ budgetId: b.id, expectedVersion: version, section: "basic", values: valuesOf(k) }] },
            origin(),
          );
          if (!(a.value as { ok?: boolean } | undefined)?.ok) return;
          answered();
          version++;
        }
      }),
      { afterAnswers: true },
    );
    for (const c of clients) await c.dispose();
    expect(result.writingAtKill).toBeGreaterThan(0);
    expect(result.inFlight).toBeGreaterThan(0);
    const tally = await wholeOrNothing(before, amount, "edit.basic");
    expect(tally.committed).toBeGreaterThanOrEqual(result.answered);
    console.log(`crash during saves: ${result.inFlight} of ${BUDGETS} accountants mid-save at the kill; ${tally.committed} saves stored whole, 0 partial`);
    await appStillWorks(drafts()[0]!.username, drafts()[0]!.id);
  });

  test("during package imports: each import is wholly stored or not at all", async () => {
    test.setTimeout(180_000);
    const id = actionIds().get("lib/actions/budget/import-into-budget.ts#importIntoBudgetAction")!;
    const before = new Map(await Promise.all(drafts().map(async (b) => [b.id, await basicState(b.id)] as const)));
    const clients = await Promise.all(drafts().map((b) => signedIn(b.username)));
    const amount = marker(20000);
    // A merge of a file holding only the basic lines (in 元): everything else stays, every line moves.
    const files = await Promise.all(
      drafts().map(async (b, i) => {
        const pkg = (await (await clients[i]!.get(`/api/budgets/${b.id}/package`)).json()) as Record<string, unknown> & {
          basicExpenditure: { amount: string }[];
        };
        const { format, kind, year, region, unit, basicExpenditure } = pkg;
        return (k: number) =>
          JSON.stringify({ format, kind, year, amountUnit: "元", region, unit, basicExpenditure: basicExpenditure.map((l) => ({ ...l, amount: amount(k) })) });
      }),
    );
    const result = await crashDuring(
      drafts().map((b, i) => async (alive, answered) => {
        let version = before.get(b.id)!.version;
        for (let k = 1; k <= ROUNDS && alive(); k++) {
          const a = await callAction(
            clients[i]!,
            id,
            "/",
            { json: [{ budgetId: b.id, expectedVersion: version, text: files[i]!(k), mode: "merge", apply: true }] },
            origin(),
          );
          if (!(a.value as { ok?: boolean } | undefined)?.ok) return;
          answered();
          version++;
        }
      }),
      { afterAnswers: true },
    );
    for (const c of clients) await c.dispose();
    expect(result.writingAtKill).toBeGreaterThan(0);
    expect(result.inFlight).toBeGreaterThan(0);
    const tally = await wholeOrNothing(before, amount, "import.merge");
    expect(tally.committed).toBeGreaterThanOrEqual(result.answered);
    console.log(
      `crash during imports: ${result.inFlight} of ${BUDGETS} accountants mid-import at the kill; ${tally.committed} imports stored whole, 0 partial`,
    );
    await appStillWorks(drafts()[1]!.username, drafts()[1]!.id);
  });

  test("during publications: each budget is published with its snapshot, or still approved without one", async () => {
    test.setTimeout(180_000);
    const id = actionIds().get("lib/actions/review/transitions.ts#publishAction")!;
    const reviewer = await signedIn("crash.reviewer");
    const state = (bid: number) =>
      admin(async (c) => {
        const b = await c.query<{ version: number; status: string; published: boolean }>(
          `select version, status, "publishedAt" is not null as published from "Budget" where id = $1`,
          [bid],
        );
        const s = await c.query(`select 1 from "PublishedSnapshot" where "budgetId" = $1`, [bid]);
        const e = await c.query(`select 1 from "BudgetEvent" where "budgetId" = $1 and action = 'publish'`, [bid]);
        return { ...b.rows[0]!, snapshots: s.rowCount ?? 0, events: e.rowCount ?? 0 };
      }, database);
    const before = new Map(await Promise.all(approved().map(async (b) => [b.id, await state(b.id)] as const)));
    const { inFlight, writingAtKill } = await crashDuring(
      approved().map((b) => async (_alive, answered) => {
        await callAction(reviewer, id, "/", { form: { budgetId: String(b.id), expectedVersion: String(before.get(b.id)!.version) } }, origin());
        answered();
      }),
      // One publication each: the kill comes at the first one seen writing.
      { afterAnswers: false },
    );
    await reviewer.dispose();
    expect(writingAtKill).toBeGreaterThan(0);
    expect(inFlight).toBeGreaterThan(0);
    let published = 0;
    let untouched = 0;
    for (const [bid, was] of before) {
      const now = await state(bid);
      if (now.status === "APPROVED") {
        expect(now).toEqual(was);
        untouched++;
      } else {
        expect(now).toEqual({ version: was.version + 1, status: "PUBLISHED", published: true, snapshots: 1, events: 1 });
        published++;
      }
    }
    console.log(
      `crash during publications: ${BUDGETS} publications, ${inFlight} in flight at the kill, ${published} whole, ${untouched} not at all, 0 partial`,
    );
    // The public sees exactly the published ones.
    for (const b of approved()) {
      const status = (await fetch(`http://127.0.0.1:${port}/api/open/budgets/500109/2024/${b.unit}`)).status;
      expect(status).toBe((await state(b.id)).status === "PUBLISHED" ? 200 : 404);
    }
    await appStillWorks(drafts()[2]!.username, drafts()[2]!.id);
  });
});
