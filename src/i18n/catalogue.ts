// The one catalogue of user-facing text, French and English, split by topic. Each topic is typed
// from its French texts, so a key missing (or extra) in English fails `npm run typecheck`.
import type { Locale } from "../core/model.js";
import { answer } from "./topics/answer.js";
import { charts } from "./topics/charts.js";
import { chat } from "./topics/chat.js";
import { dashboard } from "./topics/dashboard.js";
import { help } from "./topics/help.js";
import { helpdeskNote } from "./topics/helpdesk-note.js";
import { legal } from "./topics/legal.js";
import { mail } from "./topics/mail.js";
import { lifecycle } from "./topics/lifecycle.js";
import { management } from "./topics/management.js";
import { praise } from "./topics/praise.js";
import { refusals } from "./topics/refusals.js";
import { reglement } from "./topics/reglement.js";
import { status } from "./topics/status.js";
import { survey } from "./topics/survey.js";
import { web } from "./topics/web.js";

const topics = { survey, answer, praise, status, help, refusals, lifecycle, management, web, chat, reglement, legal, helpdeskNote, mail, charts, dashboard };

type Topics = typeof topics;
export type Texts = { readonly [K in keyof Topics]: Topics[K]["fr"] };

function pick(locale: Locale): Texts {
  return Object.fromEntries(Object.entries(topics).map(([name, topic]) => [name, topic[locale]])) as unknown as Texts;
}

const catalogue: Readonly<Record<Locale, Texts>> = Object.freeze({ fr: pick("fr"), en: pick("en") });

export function textsFor(locale: Locale): Texts {
  return catalogue[locale];
}

export const LOCALES: readonly Locale[] = ["fr", "en"];
