"use client";
import { useEffect, useState } from "react";
import { JOB_LABELS, JOB_STATUS_LABELS, jobActive, jobPercent, type JobView } from "@/lib/jobs/types";

/** A job as the page receives it (dates as ISO strings). */
export type JobRow = JobView<string>;

const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { hour12: false });

/**
 * The user's jobs with a bar each. While one is queued or running the list is read again every
 * second; the work itself runs on the server, so leaving or reloading the page changes nothing.
 */
export function JobList({ initial }: { initial: JobRow[] }) {
  const [jobs, setJobs] = useState(initial);
  const active = jobs.some((j) => jobActive(j.status));
  useEffect(() => {
    if (!active) return;
    let live = true;
    const timer = setInterval(async () => {
      try {
        const response = await fetch("/api/jobs", { cache: "no-store" });
        if (response.ok && live) setJobs(((await response.json()) as { jobs: JobRow[] }).jobs);
      } catch {
        // The next tick tries again; the job goes on regardless.
      }
    }, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active]);
  if (jobs.length === 0) return <p className="card">暂无后台任务。</p>;
  return (
    <ul className="plain" data-testid="job-list" style={{ listStyle: "none", padding: 0 }}>
      {jobs.map((job) => (
        <JobCard key={job.id} job={job} />
      ))}
    </ul>
  );
}

function JobCard({ job }: { job: JobRow }) {
  const percent = job.status === "done" ? 100 : jobPercent(job.done, job.total);
  return (
    <li className="card" data-testid={`job-${job.id}`} data-status={job.status}>
      <p>
        <strong>{JOB_LABELS[job.kind] ?? job.kind}</strong> <span className="badge">{JOB_STATUS_LABELS[job.status]}</span>{" "}
        <span className="muted">发起于 {when(job.createdAt)}</span>
        {job.finishedAt ? <span className="muted">，结束于 {when(job.finishedAt)}</span> : null}
      </p>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="job-progress">
        <progress max={100} value={job.status === "queued" ? undefined : percent} style={{ width: "100%" }} />
        <span className="muted" data-testid="job-count">
          {job.total > 0 ? `${job.done} / ${job.total}` : null} {job.message}
        </span>
      </div>
      {job.error ? (
        <p className="error" role="alert" data-testid="job-error">
          {job.error}
        </p>
      ) : null}
      {job.status === "done" && job.resultName ? (
        <p>
          <a className="button" href={`/api/jobs/${job.id}/result`} download data-testid="job-result">
            下载结果：{job.resultName}
          </a>
        </p>
      ) : null}
      {job.items.length > 0 ? (
        <table className="data" data-testid="job-items">
          <thead>
            <tr>
              <th>项目</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {job.items.map((item, i) => (
              <tr key={i} data-ok={item.ok ? "1" : "0"}>
                <td>{item.item}</td>
                <td>
                  <span className={item.ok ? undefined : "error"}>{item.message}</span>
                  {item.errors && item.errors.length > 0 ? (
                    <ul>
                      {item.errors.map((e, k) => (
                        <li key={k}>{e.message}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}
