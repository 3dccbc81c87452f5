// Scheduled-job fixtures: default schedule settings and a job context on a test store.
import { DEFAULT_BUSINESS_HOURS } from "../../src/core/schedule/business-hours.js";
import type { ScheduleSettings } from "../../src/core/schedule/settings.js";
import type { JobContext } from "../../src/jobs/job.js";
import type { AppContext } from "../../src/app/context.js";

export const testSchedule: ScheduleSettings = {
  enabled: true,
  reminderDelayHours: 48,
  businessHours: DEFAULT_BUSINESS_HOURS,
  digest: { weekday: 1, minutes: 9 * 60 },
  retentionDays: 365,
};

export function jobContext(ctx: AppContext, schedule: Partial<ScheduleSettings> = {}): JobContext {
  return { ...ctx, schedule: { ...testSchedule, ...schedule } };
}
