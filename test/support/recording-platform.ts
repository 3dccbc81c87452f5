// A chat platform that records what it is asked to deliver and answers from a script.
import type { ChatMessage, ChatPlatform, DeliveryResult } from "../../src/ports/chat-platform.js";

export class RecordingPlatform implements ChatPlatform {
  readonly name = "recording";
  readonly delivered: ChatMessage[] = [];
  private readonly script: DeliveryResult[] = [];

  /** The next deliveries answer these, in order; afterwards every delivery is "sent". */
  answerNext(...results: DeliveryResult[]): void {
    this.script.push(...results);
  }

  async deliver(message: ChatMessage): Promise<DeliveryResult> {
    this.delivered.push(message);
    return this.script.shift() ?? { status: "sent", platform: "recording", ref: `ref-${this.delivered.length}` };
  }

  ofType<T extends ChatMessage["type"]>(type: T): Extract<ChatMessage, { type: T }>[] {
    return this.delivered.filter((m): m is Extract<ChatMessage, { type: T }> => m.type === type);
  }
}
