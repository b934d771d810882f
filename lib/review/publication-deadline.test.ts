import { describe, expect, it } from "vitest";
import { calendarDaysBetween, publicationDeadline } from "./publication-deadline";

describe("the 20-day publication deadline", () => {
  // 2024-03-01 23:30 in Beijing is 15:30 UTC: still March 1st for the deadline.
  const approvedAt = new Date("2024-03-01T15:30:00Z");

  it("counts calendar days in China Standard Time", () => {
    expect(calendarDaysBetween(approvedAt, new Date("2024-03-01T15:59:59Z"))).toBe(0);
    expect(calendarDaysBetween(approvedAt, new Date("2024-03-01T16:00:00Z"))).toBe(1);
  });

  it("is the 20th day after approval, overdue from the day after", () => {
    expect(publicationDeadline("APPROVED", approvedAt, new Date("2024-03-02T02:00:00Z"))).toEqual({ deadline: "2024-03-21", daysLeft: 19, overdue: false });
    expect(publicationDeadline("APPROVED", approvedAt, new Date("2024-03-21T15:59:00Z"))).toEqual({ deadline: "2024-03-21", daysLeft: 0, overdue: false });
    expect(publicationDeadline("APPROVED", approvedAt, new Date("2024-03-21T16:00:00Z"))).toEqual({ deadline: "2024-03-21", daysLeft: -1, overdue: true });
  });

  it("applies only to approved budgets not yet published", () => {
    expect(publicationDeadline("PUBLISHED", approvedAt, new Date("2024-06-01T00:00:00Z"))).toBeNull();
    expect(publicationDeadline("SUBMITTED", null, new Date())).toBeNull();
  });

  it("counts from the 批复 when the bureau has issued one", () => {
    const replyIssuedAt = new Date("2024-03-10T02:00:00Z");
    expect(publicationDeadline("APPROVED", approvedAt, new Date("2024-03-11T02:00:00Z"), replyIssuedAt)).toEqual({
      deadline: "2024-03-30",
      daysLeft: 19,
      overdue: false,
    });
  });
});
