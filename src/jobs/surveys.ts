// Surveys left unanswered: the reminder (src/app/lifecycle/remind-surveys.ts) and the expiry
// (expire-surveys.ts). Every five minutes, so that a reminder due at the start of business hours
// goes out within minutes.
import { remindSurveys } from "../app/lifecycle/remind-surveys.js";
import { expireSurveys } from "../app/lifecycle/expire-surveys.js";
import type { Job } from "./job.js";

export const reminderJob: Job = {
  name: "survey-reminders",
  triggers: () => ["*/5 * * * *"],
  run: (ctx, now) => remindSurveys(ctx, now, ctx.schedule),
};

export const expiryJob: Job = {
  name: "survey-expiry",
  triggers: () => ["*/5 * * * *"],
  run: (ctx, now) => expireSurveys(ctx, now),
};
