// Hateful statements beyond word lists, found in one stream (see normalise.ts). Plugged into
// find-terms.ts next to the word lists, so obfuscations, sentence barriers and precedence work
// the same way for both.
import type { SpanHit } from "../find-terms.js";
import { CALLS_TO_EXCLUDE_RULES } from "./calls-to-exclude.js";
import { canonicalise, lexiconReader } from "./canonical.js";
import { AMBIGUOUS_GENERALISATION_RULES, GENERALISATION_RULES } from "./generalisations.js";
import { GROUP_ENTRIES } from "./groups.js";
import { NAZISM_RULES } from "./nazism.js";
import { PREDICATE_ENTRIES } from "./predicates.js";
import { runRules } from "./rule.js";

const RULES = [...GENERALISATION_RULES, ...CALLS_TO_EXCLUDE_RULES, ...NAZISM_RULES];
const READ = lexiconReader([...GROUP_ENTRIES, ...PREDICATE_ENTRIES, "hitler", "shoah", "holocaust", "holocauste"]);

function overlaps(a: SpanHit, b: SpanHit): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Every statement in the stream. An ambiguous generalisation ("les X sont tous des …") goes to
 * review only where no hateful rule already read the same words ("… tous des voleurs").
 */
export function findStatements(stream: string): SpanHit[] {
  const canonical = canonicalise(stream, READ);
  const hits = runRules(RULES, canonical.text);
  const hateful = hits.filter((h) => h.category === "hateful");
  const ambiguous = runRules(AMBIGUOUS_GENERALISATION_RULES, canonical.text).filter(
    (a) => !hateful.some((h) => overlaps(a, h)),
  );
  return [...hits, ...ambiguous].map((h) => {
    const [start, end] = canonical.toStream(h.start, h.end);
    return { ...h, start, end };
  });
}
