import { readFileSync } from "node:fs";
import path from "node:path";

/** A model field as schema.prisma declares it (relation fields are left out: they have no column). */
export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  dbType?: string;
}

export interface PrismaSchema {
  models: Map<string, SchemaField[]>;
  enums: Map<string, string[]>;
}

/**
 * A small reader of schema.prisma's model and enum blocks, enough to compare the declared
 * models with the migrated database (the Prisma engines that would do this cannot run offline).
 */
export function readPrismaSchema(file = path.resolve(__dirname, "../../prisma/schema.prisma")): PrismaSchema {
  const text = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Map<string, string[]>();
  for (const m of text.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    enums.set(
      m[1]!,
      m[2]!.split(/\s+/).filter((v) => v && !v.startsWith("@")),
    );
  }
  const blocks = [...text.matchAll(/model\s+(\w+)\s*\{([^}]*)\}/g)];
  const modelNames = new Set(blocks.map((b) => b[1]!));
  const models = new Map<string, SchemaField[]>();
  for (const [, name, body] of blocks) {
    const fields: SchemaField[] = [];
    for (const line of body!.split("\n").map((l) => l.trim())) {
      if (!line || line.startsWith("@@")) continue;
      const m = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!m) continue;
      const [, field, type, list, optional, rest] = m;
      if (modelNames.has(type!)) continue;
      const dbType = rest!.match(/@db\.(\w+(?:\([^)]*\))?)/)?.[1];
      fields.push({ name: field!, type: type!, optional: !!optional, list: !!list, ...(dbType ? { dbType } : {}) });
    }
    models.set(name!, fields);
  }
  return { models, enums };
}

/** The PostgreSQL type Prisma's migrations give a field. */
export function expectedColumnType(field: SchemaField, enums: Map<string, string[]>): string {
  if (enums.has(field.type)) return field.list ? `${field.type}[]` : field.type;
  const base: Record<string, string> = {
    Int: "integer",
    String: "text",
    Boolean: "boolean",
    DateTime: "timestamp(3) without time zone",
    Json: "jsonb",
    Float: "double precision",
    BigInt: "bigint",
    Bytes: "bytea",
  };
  let type: string;
  if (field.type === "Decimal") {
    const m = field.dbType?.match(/Decimal\((\d+),\s*(\d+)\)/);
    type = m ? `numeric(${m[1]},${m[2]})` : "numeric(65,30)";
  } else type = base[field.type] ?? field.type;
  return field.list ? `${type}[]` : type;
}
