import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { explainStartFailure, freePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";

/**
 * Each checkout's embedded PostgreSQL is its own: a second clone started beside the first once
 * "reused" the first one's server (same port, same password) and served its database.
 */
describe("embedded PostgreSQL per checkout", () => {
  const root = mkdtempSync(path.join(tmpdir(), "mingzhang-embedded-"));
  const started: RunningPostgres[] = [];
  afterAll(async () => {
    for (const s of started.reverse()) await s.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("never reuses a server whose data directory is another checkout's", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir: path.join(root, "a", "pg"), port, database: "mingzhang" });
    started.push(first);

    // Same port fixed by the user: a clear refusal naming the other data directory.
    await expect(startEmbeddedPostgres({ dataDir: path.join(root, "b", "pg"), port, database: "mingzhang" })).rejects.toThrow(
      /端口 \d+ 已被另一个 PostgreSQL（数据目录 .*a\/pg）占用/,
    );

    // A remembered (not fixed) port makes way: the second checkout gets a server of its own.
    const second = await startEmbeddedPostgres({ dataDir: path.join(root, "b", "pg"), port, portFixed: false, database: "mingzhang" });
    started.push(second);
    expect(second.port).not.toBe(port);

    // The checkout's own running server is reused.
    const again = await startEmbeddedPostgres({ dataDir: path.join(root, "a", "pg"), port, database: "mingzhang" });
    expect(again.url).toBe(first.url);
  });

  it("explains a failure in one line with the fix", () => {
    const full = explainStartFailure(Object.assign(new Error("write failed"), { code: "ENOSPC" }), "/x/.data/pg", 5432);
    expect(full.message).toMatch(/^磁盘空间不足.*disk full/);
    expect(explainStartFailure(new Error("EACCES: permission denied, mkdir '/x'"), "/x", 1).message).toMatch(/不可写.*MINGZHANG_DATA_DIR/);
    expect(explainStartFailure(new Error("could not bind IPv4 address: Address already in use"), "/x", 5433).message).toMatch(
      /端口 5433 已被其他程序占用.*MINGZHANG_PG_PORT/,
    );
    for (const e of [full]) expect(e.message).not.toContain("\n");
  });
});
