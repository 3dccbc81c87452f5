// Shared test fixtures: a fixed clock, a context, ticket events.
import type { AppContext, Rules } from "../../src/app/context.js";
import type { TicketClosedEvent } from "../../src/app/ticket-closed.js";
import type { Clock } from "../../src/ports/clock.js";
import { silentLogger } from "../../src/ports/logger.js";
import type { Store } from "../../src/ports/store.js";

export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const testRules: Rules = {
  timeZone: "Europe/Paris",
  defaultLocale: "fr",
  amountCents: 100,
  caps: { perRequester: 3, perClient: 10 },
  surveyedKinds: ["incident"],
  ratingScale: 3,
  surveyExpiryDays: 90,
  milestoneCents: 1000,
  staffDomains: [],
  rulesUrl: null,
  contact: null,
  companyName: null,
};

export function testContext(store: Store, clock: Clock, overrides: Partial<AppContext> = {}): AppContext {
  return { store, clock, logger: silentLogger, rules: testRules, publicUrl: "http://localhost:3978", admins: ["boss@esn.example"], ...overrides };
}

let seq = 0;
/**
 * A closure. Its default closing date suits the tests on a fixed clock (2026-11-20): a test on the
 * real clock passes `closedAt` (closures older than the survey deadline are ignored).
 */
export function ticketEvent(overrides: Partial<TicketClosedEvent> = {}): TicketClosedEvent {
  seq += 1;
  return {
    source: "generic",
    ticketId: `T-${seq}`,
    title: "Imprimante en panne",
    kind: "incident",
    closedAt: new Date("2026-11-20T10:00:00Z"),
    requester: { email: `requester${seq}@client.example`, name: `Requester ${seq}` },
    technician: { email: "tech@esn.example", name: "Camille Tech" },
    client: { id: "client-1", name: "Client SA" },
    ...overrides,
  };
}
