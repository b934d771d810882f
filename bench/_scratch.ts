import { prepareDatabase } from "@/lib/db/prepare";
import { createDb } from "@/lib/db/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { checkBudget } from "@/lib/budget/rules";
import { openBenchDatabase } from "./database";
import { loadProvince } from "./load-province";
import { PROVINCE } from "./generate-province";

async function main() {
  const t0 = Date.now();
  const database = await openBenchDatabase();
  console.log("db", database.url, Date.now() - t0);
  try {
    await prepareDatabase(database.url, { demo: true, log: (l) => console.log(l) });
    console.log("prepared", Date.now() - t0);
    const shape = { ...PROVINCE, districts: 3, departments: 100 };
    const loaded = await loadProvince(database.url, shape);
    console.log("loaded", loaded.seconds, loaded.budgets, loaded.basicLines);
    const db = createDb(database.url);
    const problems = new Map<string, number>();
    for (const y of shape.years) for (let d = 1; d <= 2; d++) for (let u = 1; u <= 30; u++) {
      const input = await loadForEngine(db, loaded.budgetId(d, u, y), {});
      if (!input) throw new Error("missing");
      const f = checkBudget(input.budget, input.catalog, input.prior ? { prior: input.prior } : {});
      for (const x of f) problems.set(`${y} ${x.severity} ${x.rule} ${x.message.slice(0, 80)}`, (problems.get(`${y} ${x.severity} ${x.rule} ${x.message.slice(0, 80)}`) ?? 0) + 1);
    }
    console.log([...problems.entries()].map(([k,v])=>`${v} ${k}`).join("\n"));
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
