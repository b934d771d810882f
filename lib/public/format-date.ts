const DAY = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });

/** A publication date as readers in China expect it: "2024年3月5日" (Beijing time, whatever the server's zone). */
export function formatPublicationDate(d: Date): string {
  return DAY.format(d);
}
