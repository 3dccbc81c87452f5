// Management commands of the e-mail channel, each audited:
// - `client <id|name> email-first on|off`: that client's requesters get their surveys by e-mail
//   first (else chat first, e-mail as a last resort);
// - `requester <e-mail> surveys on|off`: a person who unsubscribed receives surveys again (or, at
//   their request by another way, no more).
import { canonicalArgument } from "../../i18n/index.js";
import { setClientEmailFirst, setSurveysByEmail } from "../mail/unsubscribe.js";
import { refused, type CommandHandler, type CommandTable } from "./run-command.js";

/** A keyword typed in English or French (« courriel-d-abord », « enquêtes », « oui »/« non »). */
const keyword = (word: string | undefined): string | undefined => (word === undefined ? undefined : canonicalArgument(word).toLowerCase());
const onOff = (word: string | undefined): boolean | null => (keyword(word) === "on" ? true : keyword(word) === "off" ? false : null);

const client: CommandHandler = async (ctx, actor, args) => {
  const on = onOff(args.at(-1));
  const name = args.slice(0, -2).join(" ").trim();
  if (keyword(args.at(-2)) !== "email-first" || on === null || !name) return refused("usage", "client <id|name> email-first on|off");
  const r = await setClientEmailFirst(ctx, { actorEmail: actor.email ?? "", client: name, on });
  if (!r.ok) return refused(r.reason, name);
  return { kind: "done", done: { kind: "client-email-first", client: r.client, on } };
};

const requester: CommandHandler = async (ctx, actor, [email, what, word]) => {
  const on = onOff(word);
  if (!email || keyword(what) !== "surveys" || on === null) return refused("usage", "requester <e-mail> surveys on|off");
  const r = await setSurveysByEmail(ctx, { actorEmail: actor.email ?? "", email, on });
  if (!r) return refused("person-not-found", email);
  return { kind: "done", done: { kind: "requester-surveys", email: r.email, on } };
};

export const mailCommands: Partial<CommandTable> = { management: { client, requester } };
