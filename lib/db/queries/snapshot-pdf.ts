import type { DisclosureTables } from "@/lib/budget/tables/types";
import type { FinalTables } from "@/lib/final/tables/types";
import type { Db } from "../client";

/** What the PDF of a snapshot is made from: the frozen tables and narrative, and when it was published. */
export type SnapshotForPdf = {
  snapshotId: number;
  sequence: number;
  publishedAt: Date;
  narrative: string;
} & ({ kind?: "budget"; tables: DisclosureTables } | { kind: "final"; tables: FinalTables });

export async function readSnapshotForPdf(db: Db, snapshotId: number): Promise<SnapshotForPdf | null> {
  const row = await db.publishedSnapshot.findUnique({
    where: { id: snapshotId },
    select: { id: true, kind: true, sequence: true, publishedAt: true, tables: true, narrative: true },
  });
  if (!row) return null;
  const common = { snapshotId: row.id, sequence: row.sequence, publishedAt: row.publishedAt, narrative: row.narrative };
  return row.kind === "final"
    ? { ...common, kind: "final", tables: row.tables as unknown as FinalTables }
    : { ...common, kind: "budget", tables: row.tables as unknown as DisclosureTables };
}

/** The stored PDF of a snapshot, or null when none has been rendered yet. */
export async function findSnapshotPdf(db: Db, snapshotId: number): Promise<Buffer | null> {
  const row = await db.snapshotPdf.findUnique({ where: { snapshotId }, select: { body: true } });
  return row ? Buffer.from(row.body) : null;
}

/** Stores a snapshot's PDF; when another process stored one first, that one stays (they are the same file). */
export async function storeSnapshotPdf(db: Db, snapshotId: number, body: Buffer): Promise<void> {
  await db.snapshotPdf.createMany({ data: [{ snapshotId, body: new Uint8Array(body) }], skipDuplicates: true });
}
