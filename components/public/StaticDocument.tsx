import type { ReactNode } from "react";

/**
 * A whole HTML document around a page rendered once to static HTML: the frame of the app's root
 * layout (components/Shell) with plain links, the styles inline (so the stored bytes need no file
 * of any one build) and the page's small script. What the header shows a signed-in user is filled
 * in by that script, as AccountNav does on the other pages.
 */
export function StaticDocument({ title, css, script, children }: { title: string; css: string; script: string; children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content="部门预算编制、财政审核与预算公开" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <header className="shell">
          <div className="inner">
            <a href="/" className="brand">
              明账
            </a>
            <nav>
              <a href="/">公开预算</a>
            </nav>
            <div className="who" />
          </div>
        </header>
        <main>{children}</main>
        <script dangerouslySetInnerHTML={{ __html: script }} />
      </body>
    </html>
  );
}
