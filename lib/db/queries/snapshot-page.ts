import type { Db } from "../client";

/** The stored static page of a snapshot (lib/public/static-page). */
export interface StoredPage {
  etag: string;
  html: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

export interface PageVariant {
  snapshotId: number;
  withFinal: boolean;
  format: number;
}

export async function findSnapshotPage(db: Db, v: PageVariant): Promise<StoredPage | null> {
  const row = await db.snapshotPage.findUnique({
    where: { snapshotId_withFinal_format: v },
    select: { etag: true, html: true, gzip: true, brotli: true },
  });
  return row ? { etag: row.etag, html: Buffer.from(row.html), gzip: Buffer.from(row.gzip), brotli: Buffer.from(row.brotli) } : null;
}

/** Stores a page; false when another process stored this variant first (then serve that one). */
export async function storeSnapshotPage(db: Db, v: PageVariant, page: StoredPage): Promise<boolean> {
  const { count } = await db.snapshotPage.createMany({
    data: [{ ...v, etag: page.etag, html: new Uint8Array(page.html), gzip: new Uint8Array(page.gzip), brotli: new Uint8Array(page.brotli) }],
    skipDuplicates: true,
  });
  return count === 1;
}
