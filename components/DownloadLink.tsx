"use client";
import { useEffect, useState, type ReactNode } from "react";

/**
 * A download link that says it is working: a generated file (the first PDF takes seconds) gives
 * no sign in the page until the browser shows the download, so a note appears meanwhile. The
 * link itself stays a plain link (it works without script).
 */
export function DownloadLink({
  href,
  className,
  children,
  note = "正在生成文件，首次生成约需数秒，请稍候…",
}: {
  href: string;
  className?: string;
  children: ReactNode;
  note?: string;
}) {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!busy) return;
    // The download starts in the background; the note goes once it has had time to.
    const timer = setTimeout(() => setBusy(false), 8_000);
    return () => clearTimeout(timer);
  }, [busy]);
  return (
    <>
      <a className={className} href={href} download onClick={() => setBusy(true)} aria-busy={busy || undefined}>
        {children}
      </a>
      {busy ? (
        <span className="muted download-note" role="status">
          {note}
        </span>
      ) : null}
    </>
  );
}
