import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { MembershipScope } from "../lib/auth/permissions";

/**
 * The security specs' own world in the e2e server's database (made by security-world-setup.ts),
 * and the HTTP helpers they share: sign-in through next-auth's API, server actions called the
 * way the browser calls them (POST with a Next-Action header).
 */

export const ROOT = path.resolve(__dirname, "..");
export const SECURITY_PASSWORD = "sec-test-password-7";

export const WORLD = {
  regionHere: "500109",
  regionThere: "500198",
  units: { submitted: "971", draft: "972", published: "973", hostile: "974" },
  users: {
    accountantSubmitted: "sec.accountant.971",
    accountantDraft: "sec.accountant.972",
    unitAccountantSubmitted: "sec.accountant.971.1",
    reviewerHere: "sec.reviewer.500109",
    reviewerThere: "sec.reviewer.500198",
    admin: "sec.admin",
    accountantHostile: "sec.accountant.974",
    rateLimited: ["sec.ratelimit.account", "sec.ratelimit.address", "sec.ratelimit.office"],
  },
} as const;

/** Text fields of the hostile budget: each must come out inert in HTML, PDF, Excel and CSV. */
export const HOSTILE = {
  unitName: `注入测试局"><img src=x onerror="window.__pwned=1">`,
  script: `<script>window.__pwned=1</script>收入增加`,
  img: `"><img src=x onerror="window.__pwned=1">`,
  hyperlink: `=HYPERLINK("http://evil.example/","点我")`,
  cmd: `+cmd|' /C calc'!A0`,
  minusCmd: `-2+3+cmd|' /C calc'!A0`,
  at: `@SUM(1+1)*cmd|' /C calc'!A0`,
  sql: `'; DROP TABLE "Budget"; --`,
  // Markdown typed into the narrative's text: must stay text, never a heading or a link.
  markdownHeading: "## 伪造的标题：本单位预算已作废",
  markdownLink: "[点击领取补贴](https://evil.example/)",
} as const;

export interface WorldBudget {
  id: number;
  departmentId: number;
  unit: string;
  unitName: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED";
  /** The bureau has issued its 批复 (from when the department may publish it). */
  replied?: boolean;
  /** A unit's own budget (单位预算): its unit's code. */
  subUnit?: string;
}

export interface World {
  regions: { here: { id: number; code: string }; there: { id: number; code: string } };
  budgets: { submitted: WorldBudget; draft: WorldBudget; published: WorldBudget; hostile: WorldBudget };
  /** The submitted budget's department's 2025 budget, approved with its 批复 issued (not yet published). */
  approved: WorldBudget;
  /** The 2024 budget of the submitted budget's department's unit (单位预算), accepted by the department. */
  unitBudget: WorldBudget;
  /** 2020 决算 of the same departments, at the same statuses as their budgets. */
  finals: { submitted: WorldBudget; draft: WorldBudget; published: WorldBudget };
  commentId: number;
  packages: { submitted: string; draft: string };
  memberships: Record<string, MembershipScope[]>;
  passwordHashes: string[];
  userIds: Record<string, number>;
}

// The same defaults as playwright.config.ts and lib/cli/e2e-server.cjs.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54331);
export const DIST_DIR = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
export const E2E_DATA_DIR = path.join(ROOT, `.data/e2e-${E2E_PORT}`);

export function e2eDatabaseUrl(database = "mingzhang"): string {
  return `postgresql://postgres:mingzhang-local@127.0.0.1:${E2E_PG_PORT}/${database}`;
}

/** The session-signing secret of the e2e server (made by `npm start` in its data directory). */
export function e2eSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  return readFileSync(path.join(E2E_DATA_DIR, "nextauth-secret"), "utf8").trim();
}

export const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

let world: World | undefined;
export function loadWorld(): World {
  world ??= JSON.parse(
    execFileSync(process.execPath, [TSX, "e2e/security-world-setup.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
      encoding: "utf8",
      timeout: 120_000,
    }),
  ) as World;
  return world;
}

/** Signs in through next-auth's credentials endpoint; true when a session was given. */
export async function signInApi(request: APIRequestContext, username: string, password: string, address?: string): Promise<boolean> {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, username, password, json: "true" },
    headers: address ? { "x-forwarded-for": address } : {},
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  const session = (await (await request.get("/api/auth/session")).json()) as { uid?: number };
  return response.status() < 400 && !location.includes("error") && typeof session.uid === "number";
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** Server action ids of the production build, by "file#export". */
export function actionIds(): Map<string, string> {
  const file = path.join(DIST_DIR, "server", "server-reference-manifest.json");
  if (!existsSync(file)) throw new Error(`${file} is missing: the production build was not made in ${DIST_DIR}`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id]));
}

export type ActionArgs = { json: unknown[] } | { form: Record<string, string> };

/** What a server action answered: its return value, or `error` when it threw (the client's 500). */
export interface ActionAnswer {
  status: number;
  value?: unknown;
  error?: string;
}

/**
 * Calls a server action as React's client does: JSON arguments as text, a (state, FormData)
 * action as multipart with the form's fields under "_1_" (encodeReply's format).
 */
export async function callAction(
  request: APIRequestContext,
  id: string,
  pagePath: string,
  args: ActionArgs,
  // The browser's Origin: Next refuses an action whose origin is not the server's own host.
  origin = `http://localhost:${E2E_PORT}`,
): Promise<ActionAnswer> {
  const headers = { "Next-Action": id, Accept: "text/x-component", Origin: origin };
  let response: APIResponse;
  if ("json" in args) {
    response = await request.post(pagePath, {
      headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify(args.json),
      maxRedirects: 0,
    });
  } else {
    // The form's fields first and the root ("0") last, as React sends them: the server builds the
    // FormData argument from the fields received before the root.
    // (A FormData, not an object: an object would list the integer-like key "0" first.)
    const multipart = new FormData();
    for (const [k, v] of Object.entries(args.form)) multipart.append(`_1_${k}`, v);
    multipart.append("0", JSON.stringify(["$undefined", "$K1"]));
    response = await request.post(pagePath, { headers, multipart, maxRedirects: 0 });
  }
  const text = await response.text();
  const row = text.split("\n").find((l) => l.startsWith("1:"));
  if (!row) return { status: response.status(), error: text.slice(0, 300) };
  const body = row.slice(2);
  if (body.startsWith("E")) return { status: response.status(), error: body };
  return { status: response.status(), value: JSON.parse(body) as unknown };
}

/** The message of an action's answer ({ ok:false, message } or { errors: [{ message }] }). */
export function answerMessage(a: ActionAnswer): string {
  const v = a.value as { message?: string; errors?: { message: string }[] } | undefined;
  return v?.message ?? v?.errors?.map((e) => e.message).join("；") ?? "";
}
