// A chat platform that records every post and update (with its content) and answers from a script.
import type { ChatContent } from "../../src/core/views.js";
import type { ChatPlatform, DeliveryResult, Destination, UpdateResult } from "../../src/ports/chat-platform.js";

export type RecordedCall =
  | { op: "post"; destination: Destination; content: ChatContent; result: DeliveryResult }
  | { op: "update"; ref: string; content: ChatContent; result: UpdateResult };

/** Who a scripted answer is for: a person's e-mail, the team channel, or edits of a message. */
export type Target = { email: string } | "team" | "update";

export class RecordingPlatform implements ChatPlatform {
  readonly calls: RecordedCall[] = [];
  private readonly script: (DeliveryResult | UpdateResult)[] = [];
  private readonly scripted = new Map<string, (DeliveryResult | UpdateResult)[]>();
  private posts = 0;

  constructor(readonly name = "recording") {}

  /** The next calls (whatever their destination) answer these, in order; afterwards "sent". */
  answerNext(...results: (DeliveryResult | UpdateResult)[]): void {
    this.script.push(...results);
  }

  /** The next calls to this target answer these, in order (before answerNext's script). */
  answerFor(target: Target, ...results: (DeliveryResult | UpdateResult)[]): void {
    const key = targetKey(target);
    this.scripted.set(key, [...(this.scripted.get(key) ?? []), ...results]);
  }

  private scriptedAnswer(key: string): DeliveryResult | UpdateResult | undefined {
    return this.scripted.get(key)?.shift() ?? this.script.shift();
  }

  async post(destination: Destination, content: ChatContent): Promise<DeliveryResult> {
    this.posts += 1;
    const answer = this.scriptedAnswer(destination.to === "team" ? "team" : `person:${destination.person.email}`);
    const result: DeliveryResult =
      answer && answer.status !== "gone" ? answer : { status: "sent", platform: this.name, ref: `${this.name}-ref-${this.posts}` };
    this.calls.push({ op: "post", destination, content, result });
    return result;
  }

  async update(ref: string, content: ChatContent): Promise<UpdateResult> {
    const result: UpdateResult = this.scriptedAnswer("update") ?? { status: "sent", platform: this.name, ref };
    this.calls.push({ op: "update", ref, content, result });
    return result;
  }

  /** Contents posted (not updated), of one kind. */
  posted<K extends ChatContent["kind"]>(kind: K): Extract<ChatContent, { kind: K }>[] {
    return this.calls.filter((c) => c.op === "post" && c.content.kind === kind).map((c) => c.content as Extract<ChatContent, { kind: K }>);
  }

  /** Posts to people: to whom (e-mail) and what kind, in order. */
  personPosts(): { email: string; kind: ChatContent["kind"] }[] {
    return this.calls.flatMap((c) => (c.op === "post" && c.destination.to === "person" ? [{ email: c.destination.person.email, kind: c.content.kind }] : []));
  }

  /** Every call in order, as "post team progress", "update <ref> progress", "post person survey". */
  trace(): string[] {
    return this.calls.map((c) => (c.op === "post" ? `post ${c.destination.to} ${c.content.kind}` : `update ${c.ref} ${c.content.kind}`));
  }
}

function targetKey(target: Target): string {
  return typeof target === "string" ? target : `person:${target.email}`;
}
