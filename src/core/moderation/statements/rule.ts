// What a statement rule is, and how its matches become hits for find-terms.ts.
import type { SpanHit } from "../find-terms.js";

export interface StatementRule {
  /** Global regex over a stream, from pattern.ts's rule(). */
  readonly pattern: RegExp;
  readonly category: "hateful" | "review";
  /** What management sees in `terms`: the rule's name and the words that triggered it. */
  readonly label: (match: RegExpMatchArray) => string;
  /** A last look at the match in its stream: colours rather than people, a number that is a ticket… */
  readonly accept?: (match: RegExpMatchArray, stream: string) => boolean;
}

/** "generalisation: les arabes … voleurs": the rule and the words it saw, for management. */
export function whoWhat(kind: string): (match: RegExpMatchArray) => string {
  return (m) => `${kind}: ${m.groups?.["who"] ?? "?"} … ${m.groups?.["what"] ?? "?"}`;
}

/** A fixed label, for slogans and calls whose wording is the point ("vive hitler"). */
export function named(label: string): (match: RegExpMatchArray) => string {
  return () => label;
}

export function runRules(rules: readonly StatementRule[], stream: string): SpanHit[] {
  const hits: SpanHit[] = [];
  for (const r of rules) {
    for (const m of stream.matchAll(r.pattern)) {
      if (r.accept && !r.accept(m, stream)) continue;
      const start = m.index ?? 0;
      hits.push({ start, end: start + m[0].length, category: r.category, terms: [r.label(m)] });
    }
  }
  return hits;
}
