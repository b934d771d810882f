import { Fragment, type ReactNode } from "react";

/**
 * Server components to static HTML, for the pages rendered once per snapshot.
 *
 * Why not react-dom/server: Next bundles route handlers with React's server build, whose
 * react-dom/server only throws ("not supported in React Server Components"), and React's own
 * answer for this (react-markup) is not released. The trees rendered here are our own server
 * components (host elements, function components, async ones included, fragments) — no hooks,
 * no context, no client components — so a walk of the elements is all it takes. A test renders
 * the public budget page with both this and react-dom/server and requires the same bytes.
 */
export async function renderMarkup(node: ReactNode): Promise<string> {
  const out: string[] = [];
  await walk(node, out);
  return out.join("");
}

interface Element {
  $$typeof: symbol;
  type: unknown;
  props: Record<string, unknown> & { children?: ReactNode };
}

const ELEMENT = Symbol.for("react.transitional.element");
const LEGACY_ELEMENT = Symbol.for("react.element");
const CLIENT_REFERENCE = Symbol.for("react.client.reference");

function isElement(node: unknown): node is Element {
  return typeof node === "object" && node !== null && ((node as Element).$$typeof === ELEMENT || (node as Element).$$typeof === LEGACY_ELEMENT);
}

async function walk(node: unknown, out: string[]): Promise<void> {
  if (node === null || node === undefined || typeof node === "boolean") return;
  if (typeof node === "string") return void out.push(escapeHtml(node));
  if (typeof node === "number" || typeof node === "bigint") return void out.push(String(node));
  if (Array.isArray(node)) {
    for (const child of node) await walk(child, out);
    return;
  }
  if (typeof node === "object" && typeof (node as Promise<unknown>).then === "function") return walk(await node, out);
  if (!isElement(node)) throw new Error(`renderMarkup: cannot render ${Object.prototype.toString.call(node)}`);
  const { type, props } = node;
  if (type === Fragment) return walk(props.children, out);
  if (typeof type === "string") return element(type, props, out);
  if (typeof type === "function") {
    if ((type as { $$typeof?: symbol }).$$typeof === CLIENT_REFERENCE) throw new Error("renderMarkup: a client component cannot be rendered to static HTML");
    return walk(await (type as (p: unknown) => unknown)(props), out);
  }
  throw new Error(`renderMarkup: unsupported element type ${String(type)}`);
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

// The props React writes under another name (react-dom's attribute aliases, those our pages can use).
const ALIASES: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  httpEquiv: "http-equiv",
  acceptCharset: "accept-charset",
  xlinkHref: "xlink:href",
  xmlLang: "xml:lang",
};
// SVG presentation attributes are written hyphenated (fontSize → font-size), as react-dom does.
const SVG_HYPHENATED = new Set([
  "alignmentBaseline",
  "baselineShift",
  "clipPath",
  "clipRule",
  "dominantBaseline",
  "fillOpacity",
  "fillRule",
  "floodColor",
  "floodOpacity",
  "fontFamily",
  "fontSize",
  "fontStyle",
  "fontWeight",
  "letterSpacing",
  "markerEnd",
  "markerMid",
  "markerStart",
  "paintOrder",
  "shapeRendering",
  "stopColor",
  "stopOpacity",
  "strokeDasharray",
  "strokeDashoffset",
  "strokeLinecap",
  "strokeLinejoin",
  "strokeMiterlimit",
  "strokeOpacity",
  "strokeWidth",
  "textAnchor",
  "textDecoration",
  "textRendering",
  "vectorEffect",
  "wordSpacing",
  "writingMode",
]);
// Attributes that are present or absent (react-dom writes them as name="").
const BOOLEAN = new Set([
  "allowFullScreen",
  "async",
  "autoFocus",
  "checked",
  "controls",
  "default",
  "defer",
  "disabled",
  "hidden",
  "multiple",
  "noValidate",
  "open",
  "readOnly",
  "required",
  "reversed",
  "selected",
]);
const SKIPPED = new Set(["children", "key", "ref", "dangerouslySetInnerHTML", "suppressHydrationWarning", "suppressContentEditableWarning"]);

function attributeName(prop: string): string {
  return ALIASES[prop] ?? (SVG_HYPHENATED.has(prop) ? prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : prop);
}

function element(tag: string, props: Element["props"], out: string[]): Promise<void> | void {
  out.push(`<${tag}`);
  for (const [prop, value] of Object.entries(props)) {
    if (SKIPPED.has(prop) || value === null || value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    if (prop === "style") {
      const css = styleText(value as Record<string, unknown>);
      if (css) out.push(` style="${escapeHtml(css)}"`);
      continue;
    }
    if (BOOLEAN.has(prop)) {
      if (value) out.push(` ${prop.toLowerCase()}=""`);
      continue;
    }
    // A boolean is written only where HTML gives it a meaning as text (aria-*, data-*, download).
    if (typeof value === "boolean") {
      if (prop.startsWith("aria-") || prop.startsWith("data-")) out.push(` ${prop}="${String(value)}"`);
      else if (value && prop === "download") out.push(` download=""`);
      continue;
    }
    out.push(` ${attributeName(prop)}="${escapeHtml(String(value))}"`);
  }
  if (VOID.has(tag)) return void out.push("/>");
  out.push(">");
  const inner = props.dangerouslySetInnerHTML as { __html?: string } | undefined;
  if (inner?.__html !== undefined) {
    out.push(inner.__html);
    out.push(`</${tag}>`);
    return;
  }
  return walk(props.children, out).then(() => void out.push(`</${tag}>`));
}

const UNITLESS = new Set(["flex", "flexGrow", "flexShrink", "fontWeight", "lineHeight", "opacity", "order", "zIndex", "zoom"]);

function styleText(style: Record<string, unknown>): string {
  return Object.entries(style)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== "boolean" && v !== "")
    .map(([k, v]) => {
      const name = k.startsWith("--") ? k : k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const value = typeof v === "number" && v !== 0 && !UNITLESS.has(k) && !k.startsWith("--") ? `${v}px` : String(v).trim();
      return `${name}:${value}`;
    })
    .join(";");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Escapes text and attribute values the way react-dom does. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}
