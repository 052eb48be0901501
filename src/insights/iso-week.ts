// ISO 8601 weeks (Monday first; week 1 holds 4 January), in UTC: the weekly report's and the counters' weeks.

/** `2026-W48` → the Monday 00:00 UTC that starts ISO week 48 of 2026; a clear error for anything else. */
export function isoWeekStart(week: string): Date {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`week must look like 2026-W48 (got "${week}")`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  // Week 1 is the week with the year's first Thursday: the one holding 4 January.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  const start = new Date(monday1 + (n - 1) * 7 * 86_400_000);
  const weeksInYear = isoWeekOf(new Date(Date.UTC(year, 11, 28))).week;
  if (n < 1 || n > weeksInYear) throw new Error(`${year} has weeks 01 to ${weeksInYear} (got ${m[2]})`);
  return start;
}

/** The ISO week a time falls in. */
export function isoWeekOf(d: Date): { year: number; week: number; label: string } {
  const DAY = 86_400_000;
  // The week's Thursday decides its year; week 1 is the one holding 4 January.
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + (3 - ((d.getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1Thursday = jan4 + (3 - ((new Date(jan4).getUTCDay() + 6) % 7)) * DAY;
  const week = 1 + Math.round((thursday - week1Thursday) / (7 * DAY));
  return { year, week, label: `${year}-W${String(week).padStart(2, '0')}` };
}
