import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { MembershipScope } from "../lib/auth/permissions";
import {
  ACTION_RULES,
  allowed,
  HANDLER_RULES,
  handlerRoutes,
  PAGE_RULES,
  pageRoutes,
  serverActions,
  type HttpProbe,
  type Target,
  type Targets,
} from "./security-rules";
import { actionIds, answerMessage, callAction, E2E_PORT, loadWorld, SECURITY_PASSWORD, signInApi, WORLD, type World } from "./security-world";

/**
 * Every page, route handler and server action × every actor, checked against the rule the
 * route list demands (e2e/security-rules.ts). Refused requests answer not found (404, or the
 * action's not-found message), never 403, and never carry the budget's data.
 */

interface Actor {
  name: string;
  memberships: MembershipScope[] | null;
  request: APIRequestContext;
}

const HEADERS: [string, RegExp][] = [
  ["content-security-policy", /frame-ancestors 'none'/],
  ["content-security-policy", /default-src 'self'/],
  ["x-frame-options", /^DENY$/],
  ["referrer-policy", /^strict-origin-when-cross-origin$/],
  ["x-content-type-options", /^nosniff$/],
];

let world: World;
let targets: Targets;
const actors: Actor[] = [];
// How many actor × request combinations were checked, for the README's figures.
const checked = { pages: 0, handlers: 0, actions: 0 };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  world = loadWorld();
  const withRegion = (b: World["budgets"]["submitted"], region: World["regions"]["here"]): Target => ({ ...b, regionId: region.id, regionCode: region.code });
  targets = {
    submitted: withRegion(world.budgets.submitted, world.regions.here),
    draft: withRegion(world.budgets.draft, world.regions.here),
    published: withRegion(world.budgets.published, world.regions.here),
    approved: withRegion(world.approved, world.regions.here),
    unitBudget: withRegion(world.unitBudget, world.regions.here),
    elsewhere: { ...withRegion(world.budgets.published, world.regions.there), status: "DRAFT" },
    finalSubmitted: withRegion(world.finals.submitted, world.regions.here),
    finalDraft: withRegion(world.finals.draft, world.regions.here),
    finalPublished: withRegion(world.finals.published, world.regions.here),
  };
  const baseURL = `http://localhost:${E2E_PORT}`;
  actors.push({ name: "signed out", memberships: null, request: await playwrightRequest.newContext({ baseURL }) });
  const u = WORLD.users;
  for (const [name, username] of [
    ["accountant of the submitted budget's department (971)", u.accountantSubmitted],
    ["accountant of the draft's department (972)", u.accountantDraft],
    ["unit accountant of a unit of the submitted budget's department (971)", u.unitAccountantSubmitted],
    ["reviewer of 500109", u.reviewerHere],
    ["reviewer of another region (500198)", u.reviewerThere],
    ["admin", u.admin],
  ] as const) {
    const request = await playwrightRequest.newContext({ baseURL });
    expect(await signInApi(request, username, SECURITY_PASSWORD), `${username} signs in`).toBe(true);
    actors.push({ name, memberships: world.memberships[username]!, request });
  }
});

test.afterAll(async () => {
  for (const a of actors) await a.request.dispose();
  console.info(`authorization matrix: ${checked.pages} page, ${checked.handlers} route-handler and ${checked.actions} server-action requests checked`);
});

test("every page, route handler and server action has a rule, and every rule a route", () => {
  expect(pageRoutes()).toEqual(Object.keys(PAGE_RULES).sort());
  expect(handlerRoutes()).toEqual(Object.keys(HANDLER_RULES).sort());
  expect(serverActions()).toEqual(Object.keys(ACTION_RULES).sort());
});

async function checkHttp(rule: { access: Parameters<typeof allowed>[1] }, probe: HttpProbe, isPage: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const actor of actors) {
    const may = allowed(actor.memberships, rule.access, probe.target);
    const response =
      probe.method === "GET"
        ? await actor.request.get(probe.url, { maxRedirects: 0, headers: probe.headers })
        : await actor.request.post(probe.url, { form: probe.form ?? {}, maxRedirects: 0, headers: probe.headers });
    const status = response.status();
    checked[isPage ? "pages" : "handlers"]++;
    const where = `${probe.label} as ${actor.name}`;
    // Sign-in first, for a signed-out visitor of a page that needs a session.
    const signIn = isPage && !actor.memberships && rule.access.kind !== "public" && rule.access.kind !== "published";
    const expected = may ? (probe.okStatus ?? 200) : signIn ? 307 : 404;
    if (status !== expected) problems.push(`${where}: expected ${expected}, got ${status}`);
    if (status === 403) problems.push(`${where}: 403 (a refusal must read as not found)`);
    if (
      status === 307 &&
      probe.okStatus !== 307 &&
      !/^\/signin\?callbackUrl=/.test(
        new URL(response.headers()["location"] ?? "", "http://x").pathname + new URL(response.headers()["location"] ?? "", "http://x").search,
      )
    )
      problems.push(`${where}: redirected to ${response.headers()["location"]}, not to sign-in`);
    if (!may && probe.target) {
      const body = (await response.body()).toString("utf8");
      if (body.includes(probe.target.unitName)) problems.push(`${where}: refused, but the answer names ${probe.target.unitName}`);
    }
    for (const [header, pattern] of HEADERS) {
      if (!pattern.test(response.headers()[header] ?? "")) problems.push(`${where}: header ${header} is ${JSON.stringify(response.headers()[header])}`);
    }
  }
  return problems;
}

for (const route of Object.keys(PAGE_RULES)) {
  test(`page ${route}`, async () => {
    test.setTimeout(120_000);
    const rule = PAGE_RULES[route]!;
    const problems: string[] = [];
    for (const probe of rule.probes(world, targets)) problems.push(...(await checkHttp(rule, probe, true)));
    expect(problems).toEqual([]);
  });
}

for (const route of Object.keys(HANDLER_RULES)) {
  test(`route handler ${route}`, async () => {
    test.setTimeout(180_000);
    const rule = HANDLER_RULES[route]!;
    const problems: string[] = [];
    for (const probe of rule.probes(world, targets)) problems.push(...(await checkHttp(rule, probe, false)));
    expect(problems).toEqual([]);
  });
}

for (const action of Object.keys(ACTION_RULES)) {
  test(`server action ${action}`, async () => {
    const rule = ACTION_RULES[action]!;
    const id = actionIds().get(action);
    // A rule whose action is not in the build is a failure, not a skip: the action was renamed or
    // moved (and its new name goes unchecked), or no client uses it (and the rule should go).
    expect(id, `${action} is not in the build's server actions: rename its rule or remove it`).toBeDefined();
    const problems: string[] = [];
    for (const probe of rule.probes(world, targets)) {
      for (const actor of actors) {
        const may = allowed(actor.memberships, rule.access, probe.target);
        const answer = await callAction(actor.request, id!, "/", probe.args);
        checked.actions++;
        const where = `${probe.label} as ${actor.name}`;
        if (answer.error !== undefined || answer.status !== 200) {
          problems.push(`${where}: crashed (${answer.status} ${answer.error})`);
          continue;
        }
        const message = answerMessage(answer);
        const denied = probe.denied.test(message);
        if (may && denied) problems.push(`${where}: allowed by the rule, refused with "${message}"`);
        if (may && probe.reached && !probe.reached.test(JSON.stringify(answer.value)))
          problems.push(`${where}: allowed by the rule, but answered ${JSON.stringify(answer.value).slice(0, 200)}`);
        if (!may && !denied) problems.push(`${where}: refused by the rule, answered ${JSON.stringify(answer.value).slice(0, 200)}`);
        if (!may && probe.target && JSON.stringify(answer.value).includes(probe.target.unitName)) problems.push(`${where}: refused, but names the budget`);
      }
    }
    expect(problems).toEqual([]);
  });
}

test("a server action posted from another site is refused before it runs", async () => {
  const id = actionIds().get("lib/actions/budget/save-section.ts#saveSectionAction")!;
  const accountant = actors.find((a) => a.memberships?.some((m) => m.departmentId === targets.draft.departmentId))!;
  const probe = { json: [{ budgetId: targets.draft.id, expectedVersion: 999_999, section: "income", values: {} }] };
  // From its own origin the call reaches the version check …
  expect(answerMessage(await callAction(accountant.request, id, "/", probe))).toMatch(/保存冲突/);
  // … from another origin Next refuses it without running it (no answer value at all).
  const forged = await callAction(accountant.request, id, "/", probe, "http://evil.example");
  expect(forged.value).toBeUndefined();
  expect(forged.status).toBeGreaterThanOrEqual(400);
});
