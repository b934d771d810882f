import type { PackageError } from "@/lib/budget/package/schema";

/** The one failure shape (lib/result), with the message as a problem list for the import panels. */
export type UploadFailure = { ok: false; code: "rejected"; message: string; errors: PackageError[] };
const uploadFailure = (message: string): UploadFailure => ({ ok: false, code: "rejected", message, errors: [{ path: "", message }] });

export type UploadPhase = { step: "idle" } | { step: "uploading"; percent: number } | { step: "checking" };

/**
 * Posts a form with XMLHttpRequest, the one browser API that reports upload progress.
 * The request is not aborted when the page is left: an apply already sent finishes on the server.
 */
export function uploadWithProgress<T extends { ok: boolean }>(
  url: string,
  form: FormData,
  onProgress: (p: UploadPhase) => void,
  what: string,
): Promise<T | UploadFailure> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let sent = 0;
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      sent = Math.round((e.loaded / e.total) * 100);
      onProgress(sent >= 100 ? { step: "checking" } : { step: "uploading", percent: sent });
    };
    xhr.upload.onload = () => onProgress({ step: "checking" });
    xhr.onload = () => {
      const body = xhr.response as T | null;
      resolve(body && typeof body === "object" && "ok" in body ? body : uploadFailure(`服务器异常（${xhr.status}），${what}未作修改`));
    };
    xhr.onerror = () =>
      resolve(
        uploadFailure(
          sent < 100
            ? `上传中断（已上传 ${sent}%），${what}未作任何修改，请重新上传`
            : "上传已完成，但未收到服务器的答复：请刷新页面，看版本号是否已变化，再决定是否重新导入",
        ),
      );
    xhr.send(form);
  });
}

/** The bar while a file goes up and the server reads it. */
export function UploadProgress({ phase, testId }: { phase: UploadPhase; testId: string }) {
  if (phase.step === "idle") return null;
  return (
    <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={phase.step === "uploading" ? phase.percent : 100} data-testid={testId}>
      <progress max={100} value={phase.step === "uploading" ? phase.percent : undefined} style={{ width: "100%" }} />
      <span className="muted">
        {phase.step === "uploading" ? `正在上传 ${phase.percent}%` : "已上传，正在校验……（可以离开本页：确认后，保存会在服务器上完成）"}
      </span>
    </div>
  );
}
