// Parses a card with the adaptivecards library (the renderer Teams' web client builds on) and
// returns every parse and validation problem. Loaded through its Node-compatible bundle.
import { createRequire } from "node:module";

interface ValidationEvent {
  message: string;
}
interface AdaptiveCardsLib {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: ValidationEvent[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ValidationEvent };
}

const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsLib;

export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
