import { districtPdfJob } from "./district-pdf";
import { importPackagesJob } from "./import-packages";
import type { JobHandler } from "./runner";
import type { JobKind } from "./types";

/** What runs each kind of job. */
export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  "district-pdf": districtPdfJob,
  "import-packages": importPackagesJob,
};
