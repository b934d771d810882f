import { z } from "zod";

export const startDistrictPdfInput = z.object({
  region: z.string().regex(/^\d{6}$/, "区划代码无效"),
  year: z.coerce.number().int().min(2000, "年度无效").max(2100, "年度无效"),
});
