// Jira Cloud / Service Management admin webhooks: `jira:issue_updated` is a closure when this very
// update moved the status (a "status" item in the changelog) into the "done" category with a
// resolution set. The reporter is the requester, the assignee the technician; their e-mails may be
// hidden by their privacy settings (people.ts then asks the API by account id).
import { z } from "zod";
import { invalidBody, type Delivery, type HelpdeskClosure } from "../delivery.js";

const user = z.object({ accountId: z.string().min(1), emailAddress: z.string().nullish(), displayName: z.string().nullish() }).nullish();

const schema = z.object({
  webhookEvent: z.string(),
  issue: z
    .object({
      id: z.coerce.string(),
      key: z.string().min(1),
      fields: z
        .object({
          summary: z.string().nullish(),
          issuetype: z.object({ name: z.string() }).nullish(),
          status: z.object({ name: z.string().nullish(), statusCategory: z.object({ key: z.string() }).nullish() }).nullish(),
          resolution: z.object({ name: z.string().nullish() }).nullish(),
          resolutiondate: z.string().nullish(),
          updated: z.string().nullish(),
          reporter: user,
          assignee: user,
          project: z.object({ id: z.coerce.string(), key: z.string(), name: z.string().nullish() }).nullish(),
        })
        .loose(),
    })
    .optional(),
  changelog: z.object({ items: z.array(z.object({ field: z.string().nullish(), fieldId: z.string().nullish() })).default([]) }).nullish(),
});

export interface JiraPerson {
  accountId: string;
  email: string | null;
  name: string | null;
}

/**
 * ticketId: the issue key ("ITHD-212"), what people read and what the API takes; client:
 * "jira:org:<id>" (the Service Management organization) or "jira:project:<key>".
 */
export type JiraDelivery = Delivery<HelpdeskClosure<JiraPerson>>;

/** The issue type's name → kind: incidents and (service) requests as such, others by their own name. */
export function kindOfIssueType(name: string | null | undefined): string {
  const n = (name ?? "").replace(/^\[system\]\s*/i, "").trim().toLowerCase();
  if (n.includes("incident")) return "incident";
  if (n.includes("request")) return "request";
  return n || "incident";
}

/** Jira's dates: "2025-10-16T17:05:13.896+0200" (no colon in the offset). */
function parseJiraDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const d = new Date(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(d.getTime()) ? null : d;
}

function organizationOf(fields: Record<string, unknown>, field: string | null): { id: string; name: string | null } | null {
  if (!field) return null;
  const value = fields[field];
  const first = Array.isArray(value) ? (value[0] as { id?: unknown; name?: unknown } | undefined) : undefined;
  if (!first || (typeof first.id !== "number" && typeof first.id !== "string")) return null;
  return { id: `jira:org:${String(first.id)}`, name: typeof first.name === "string" ? first.name : null };
}

const person = (u: z.infer<typeof user>): JiraPerson | null => (u ? { accountId: u.accountId, email: u.emailAddress?.trim() || null, name: u.displayName ?? null } : null);

export function readJiraDelivery(json: unknown, organizationField: string | null): JiraDelivery {
  const parsed = schema.safeParse(json);
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  if (!parsed.success) return invalidBody(parsed.error, "a Jira issue webhook body");
  const { webhookEvent, issue, changelog } = parsed.data;
  if (webhookEvent !== "jira:issue_updated" || !issue) return { kind: "ignored", reason: `not-a-closure: event ${webhookEvent}` };
  const { fields } = issue;
  if (!changelog?.items.some((i) => i.field === "status" || i.fieldId === "status")) return { kind: "ignored", reason: "not-a-closure: the status did not change" };
  if (fields.status?.statusCategory?.key !== "done") return { kind: "ignored", reason: `not-a-closure: status ${fields.status?.name ?? "unknown"}` };
  if (!fields.resolution) return { kind: "ignored", reason: "not-a-closure: no resolution" };
  const requester = person(fields.reporter);
  if (!requester) return { kind: "ignored", reason: "no-requester" };
  const technician = person(fields.assignee);
  if (!technician) return { kind: "ignored", reason: "no-technician" };
  const closedAt = parseJiraDate(fields.resolutiondate) ?? parseJiraDate(fields.updated);
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  if (!closedAt) return { kind: "invalid", message: "issue.fields.resolutiondate is missing or not a date", fields: ["issue.fields.resolutiondate"] };
  const project = fields.project;
  const client = organizationOf(fields, organizationField) ?? (project ? { id: `jira:project:${project.key}`, name: project.name ?? project.key } : null);
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  if (!client) return { kind: "invalid", message: "issue.fields.project is missing", fields: ["issue.fields.project"] };
  return { kind: "closure", closure: { ticketId: issue.key, title: fields.summary ?? null, kind: kindOfIssueType(fields.issuetype?.name), closedAt, requester, technician, client } };
}
