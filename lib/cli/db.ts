/** `npm run db:migrate` and `npm run db:seed-demo`: the database steps of `npm start`, on their own. */
import { createDb } from "@/lib/db/connect";
import { exitAfterFlush } from "./exit";
import { migrate } from "@/lib/db/migrate";
import { prepareDatabase } from "@/lib/db/prepare";
import { openAppDatabase } from "@/lib/db/runtime";
import { seedDemo } from "@/lib/db/seed-demo";
import { seedDemoReview } from "@/lib/db/seed-demo-review";

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(command: string | undefined): Promise<number> {
  if (command !== "migrate" && command !== "seed-demo") {
    process.stderr.write("用法：tsx lib/cli/db.ts migrate|seed-demo\n");
    return 1;
  }
  const database = await openAppDatabase(() => undefined);
  try {
    if (command === "migrate") {
      const applied = await migrate(database.url, log);
      log(applied.length ? `已执行 ${applied.length} 个迁移` : "数据库已是最新结构");
      await prepareDatabase(database.url, { demo: false, log });
    } else {
      // Explicitly asked for: loads the demo data even into a database named by DATABASE_URL.
      await prepareDatabase(database.url, { demo: false, log });
      const db = createDb(database.url);
      try {
        await seedDemo(db, log);
        await seedDemoReview(db, log);
      } finally {
        await db.$disconnect();
      }
      log("演示数据已就绪");
    }
    return 0;
  } finally {
    await database.stop();
  }
}

main(process.argv[2])
  .then((code) => exitAfterFlush(code))
  .catch((error: unknown) => {
    process.stderr.write(`失败：${error instanceof Error ? error.message : String(error)}\n`);
    exitAfterFlush(1);
  });
