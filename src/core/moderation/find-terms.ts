// Runs compiled entries over every stream of a comment and decides which entries really matched.
import { SEVERITY, type CompiledTerm } from "./compile.js";
import type { TermCategory } from "./lists/types.js";
import { toStreams } from "./normalise.js";

export interface TermHit {
  readonly term: string;
  readonly category: TermCategory;
}

/** What matched one stretch of a stream. Several terms only for an ambiguous masked word. */
export interface SpanHit {
  readonly start: number;
  readonly end: number;
  readonly category: TermCategory;
  readonly terms: readonly string[];
}

interface Occurrence {
  readonly start: number;
  readonly end: number;
  readonly compiled: CompiledTerm;
}

/** A masked word needs at least two real letters: "f*ck" yes, "*" or "p*" no. */
const MIN_VISIBLE_LETTERS = 2;

function occurrencesIn(stream: string, terms: readonly CompiledTerm[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (const compiled of terms) {
    for (const m of stream.matchAll(compiled.pattern)) {
      const visible = m[0].replace(/[* ]/g, "").length;
      if (m[0].includes("*") && visible < MIN_VISIBLE_LETTERS) continue;
      found.push({ start: m.index, end: m.index + m[0].length, compiled });
    }
  }
  return found;
}

function bySeverity(a: Occurrence, b: Occurrence): number {
  return SEVERITY[b.compiled.category] - SEVERITY[a.compiled.category];
}

/**
 * Entries matching exactly the same words. Unmasked, the most severe (then the first listed)
 * wins, so management sees one term per spot. Masked, "f**k" reads as "fuck" or "fck" (both
 * review: keep the first) but "p**e" reads as "pute" or "pédé": when the readings disagree on
 * the verdict, a human decides (review, every reading listed).
 */
function resolveSpan(group: readonly Occurrence[], masked: boolean): SpanHit {
  const sorted = [...group].sort(bySeverity);
  const first = sorted[0] as Occurrence;
  const { start, end } = first;
  const disagree = sorted.some((o) => o.compiled.category !== first.compiled.category);
  if (masked && disagree) return { start, end, category: "review", terms: sorted.map((o) => o.compiled.term) };
  return { start, end, category: first.compiled.category, terms: [first.compiled.term] };
}

function groupBySpan(occurrences: readonly Occurrence[], stream: string): SpanHit[] {
  const groups = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = `${o.start}:${o.end}`;
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Occurrence;
    return resolveSpan(group, stream.slice(first.start, first.end).includes("*"));
  });
}

/**
 * Drops a hit that lies inside a longer hit at least as severe: "pute" inside "fils de pute",
 * "merde" inside "incompétent de merde". A slur inside a milder phrase is still reported.
 */
function keepOutermost(hits: SpanHit[]): SpanHit[] {
  const longestFirst = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: SpanHit[] = [];
  for (const hit of longestFirst) {
    const covered = kept.some(
      (k) => k.start <= hit.start && hit.end <= k.end && SEVERITY[k.category] >= SEVERITY[hit.category],
    );
    if (!covered) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds more hits in one stream besides the list entries (the statement rules). Its hits go
 * after the list's, so when both match exactly the same words the list entry is the one shown.
 */
export type StreamMatcher = (stream: string) => SpanHit[];

/** Distinct matched entries, most severe first, then in order of appearance. */
export function findTerms(
  text: string,
  terms: readonly CompiledTerm[],
  matchers: readonly StreamMatcher[] = [],
): TermHit[] {
  const found = new Map<string, TermCategory>();
  for (const stream of toStreams(text)) {
    const spans = [...groupBySpan(occurrencesIn(stream, terms), stream), ...matchers.flatMap((m) => m(stream))];
    for (const hit of keepOutermost(spans)) {
      for (const term of hit.terms) {
        const previous = found.get(term);
        if (!previous || SEVERITY[hit.category] > SEVERITY[previous]) found.set(term, hit.category);
      }
    }
  }
  const hits = [...found].map(([term, category]) => ({ term, category }));
  return hits.sort((a, b) => SEVERITY[b.category] - SEVERITY[a.category]); // stable: keeps appearance order
}
