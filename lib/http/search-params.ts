/** A page's `searchParams` as Next gives them. */
export type PageSearch = Promise<Record<string, string | string[] | undefined>>;

/** The single-valued parameters of a page's query (a repeated one is ignored, as the trace routes do). */
export async function searchParamsOf(search: PageSearch): Promise<URLSearchParams> {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(await search)) if (typeof v === "string") out.set(k, v);
  return out;
}
