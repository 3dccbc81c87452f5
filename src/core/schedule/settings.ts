// What the scheduled jobs are configured with (parsed from the environment in config.ts).
import type { BusinessHours } from "./business-hours.js";

export interface ScheduleSettings {
  /** Run the scheduled jobs in this process (an instance may serve HTTP only). */
  enabled: boolean;
  /** An unanswered survey gets one reminder this long after its delivery, in business hours. */
  reminderDelayHours: number;
  businessHours: BusinessHours;
  /** Weekly digest: ISO weekday (1 = Monday) and minutes after local midnight. */
  digest: { weekday: number; minutes: number };
  /** Comment texts are erased this long after the answer; figures are kept. */
  retentionDays: number;
}
