// The neutral message: what the presenter makes of a view model in one language, and what the
// three renderers (Block Kit, Adaptive Card, HTML) lay out. Every string in it is plain text: each
// renderer escapes it for its own markup. No renderer adds a sentence of its own.

export type Tone = "default" | "good" | "attention" | "accent";

/** Every button or submit the bot offers; renderers map each to their platform's action id. */
export type ActionId = "survey.answer" | "comment.withdraw" | "comment.report" | "moderation.approve" | "moderation.reject";

export interface Action {
  id: ActionId;
  label: string;
  /** What the click carries back: a survey id, an answer id, a moderation item id. */
  value: string;
  style?: "primary" | "danger";
  /** Ask before doing it (withdrawal, report). */
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

export type Input =
  /** Options best first, as people read them. */
  | { kind: "rating"; label: string; requiredMessage: string; options: { value: number; label: string }[] }
  | { kind: "comment"; label: string; placeholder: string; hint: string; maxLength: number }
  | { kind: "share"; label: string; hint: string; heading: string };

export type Block =
  | { type: "text"; text: string; style?: "strong" | "subtle" }
  | { type: "facts"; facts: { label: string; value: string }[] }
  /** A person's own words (a comment): shown set apart, always escaped. */
  | { type: "quote"; label: string; text: string }
  | { type: "list"; heading?: string; items: string[] }
  /** A date each platform may show in the reader's own time zone. */
  | { type: "deadline"; label: string; at: Date; text: string }
  /** A sentence followed by a link (the règlement every survey points to). */
  | { type: "link"; text: string; label: string; url: string }
  | { type: "input"; input: Input }
  | { type: "actions"; actions: Action[] }
  /** A picture served by the bot (a chart as PNG): its title, and the alt text that says what it shows. */
  | { type: "image"; url: string; title: string; alt: string };

export interface Message {
  title: string;
  tone: Tone;
  /** One line for notifications, screen readers and platforms that show text only. */
  summary: string;
  blocks: Block[];
}

/** Every text a message shows, in reading order: what the contract test and the log compare. */
export function messageTexts(message: Message): string[] {
  const out = [message.title];
  for (const b of message.blocks) {
    switch (b.type) {
      case "text":
        out.push(b.text);
        break;
      case "facts":
        for (const f of b.facts) out.push(f.label, f.value);
        break;
      case "quote":
        out.push(b.label, b.text);
        break;
      case "list":
        if (b.heading) out.push(b.heading);
        out.push(...b.items);
        break;
      case "deadline":
        out.push(b.label, b.text);
        break;
      case "link":
        out.push(b.text, b.label);
        break;
      case "input":
        out.push(b.input.label);
        if (b.input.kind === "rating") out.push(...b.input.options.map((o) => o.label));
        break;
      case "actions":
        out.push(...b.actions.map((a) => a.label));
        break;
      case "image":
        out.push(b.title, b.alt);
        break;
    }
  }
  return out;
}
