/**
 * 部门预算 must be published within 20 days of its 批复 (预算法第十四条: 批复后二十日内公开); a budget
 * approved before 批复 were issued in 明账 counts from its approval.
 * Days are calendar days in China Standard Time (UTC+8, no daylight saving), whatever the
 * server's time zone.
 */
export const PUBLICATION_DEADLINE_DAYS = 20;

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** The calendar day number (days since 1970-01-01) of an instant in China Standard Time. */
function cstDay(d: Date): number {
  return Math.floor((d.getTime() + CST_OFFSET_MS) / DAY_MS);
}

/** Whole calendar days from `from` to `to` (0 on the same day). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return cstDay(to) - cstDay(from);
}

export interface DeadlineState {
  /** The last day to publish, as YYYY-MM-DD in China Standard Time. */
  deadline: string;
  /** Days left until the deadline (0 on the day itself, negative when overdue). */
  daysLeft: number;
  overdue: boolean;
}

/** The deadline of an approved, not yet published budget, from its 批复 when issued; null in any other state. */
export function publicationDeadline(status: string, approvedAt: Date | null, now: Date, replyIssuedAt: Date | null = null): DeadlineState | null {
  const from = replyIssuedAt ?? approvedAt;
  if (status !== "APPROVED" || !from) return null;
  const lastDay = cstDay(from) + PUBLICATION_DEADLINE_DAYS;
  const daysLeft = lastDay - cstDay(now);
  return { deadline: new Date(lastDay * DAY_MS).toISOString().slice(0, 10), daysLeft, overdue: daysLeft < 0 };
}
