import { readFileSync } from "node:fs";
import path from "node:path";

// The stylesheets the app's pages load (the root layout's and the disclosure's), read from the
// checkout the server runs in: a static page carries them inline, so its stored bytes stay
// whole whatever build serves them later.
const SHEETS = ["app/globals.css", "components/disclosure/disclosure.css"];

let css: string | undefined;

export function pageCss(): string {
  css ??= SHEETS.map((f) => readFileSync(path.join(process.cwd(), f), "utf8").trim()).join("\n");
  return css;
}
