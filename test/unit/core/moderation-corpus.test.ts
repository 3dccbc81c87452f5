// Measures the moderation rules on a labelled corpus (test/fixtures/moderation-corpus.jsonl):
// hateful statements of many shapes, insults, and clean sentences chosen to look dangerous
// (names, languages, holidays, "écran noir", "kill the process", "88 tickets", harsh criticism).
// Thresholds are the product's: a hateful comment shown to the team is worse than a clean one
// held back, but holding back legitimate feedback hides what the survey exists to collect.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { moderateComment, type ModerationVerdict } from "../../../src/core/moderation/index.js";

type Label = "hateful" | "insult" | "clean";

interface Example {
  label: Label;
  lang: "fr" | "en";
  text: string;
}

const CORPUS_PATH = new URL("../../fixtures/moderation-corpus.jsonl", import.meta.url);

function loadCorpus(): Example[] {
  return readFileSync(CORPUS_PATH, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Example);
}

/** What counts as a hit for each label. "review" on a hateful sentence is a miss. */
const ACCEPTED: Readonly<Record<Label, readonly ModerationVerdict[]>> = {
  hateful: ["hateful"],
  insult: ["insult", "hateful"],
  clean: ["clean"],
};

interface Score {
  total: number;
  hits: number;
  misses: { text: string; verdict: ModerationVerdict; terms: string[] }[];
}

function score(corpus: readonly Example[], label: Label): Score {
  const examples = corpus.filter((e) => e.label === label);
  const misses: Score["misses"] = [];
  for (const { text } of examples) {
    const { verdict, terms } = moderateComment(text);
    if (!ACCEPTED[label].includes(verdict)) misses.push({ text, verdict, terms });
  }
  return { total: examples.length, hits: examples.length - misses.length, misses };
}

const percent = (n: number, total: number): string => `${((100 * n) / total).toFixed(1)} %`;

describe("moderateComment on the labelled corpus", () => {
  const corpus = loadCorpus();
  const hateful = score(corpus, "hateful");
  const insult = score(corpus, "insult");
  const clean = score(corpus, "clean");
  const falsePositives = clean.total - clean.hits;

  console.log(
    `moderation corpus: hateful recall ${percent(hateful.hits, hateful.total)} (${hateful.hits}/${hateful.total}), ` +
      `insult recall ${percent(insult.hits, insult.total)} (${insult.hits}/${insult.total}), ` +
      `false positives ${percent(falsePositives, clean.total)} (${falsePositives}/${clean.total})`,
  );
  for (const [label, s] of Object.entries({ hateful, insult, clean })) {
    for (const m of s.misses) console.log(`  missed ${label}: ${JSON.stringify(m.text)} → ${m.verdict} ${m.terms.join(" | ")}`);
  }

  it("is big enough to mean something", () => {
    expect(hateful.total).toBeGreaterThanOrEqual(130);
    expect(insult.total).toBeGreaterThanOrEqual(50);
    expect(clean.total).toBeGreaterThanOrEqual(130);
    expect(new Set(corpus.map((e) => e.text)).size).toBe(corpus.length);
  });

  it("flags at least 98 % of hateful sentences as hateful", () => {
    expect(hateful.hits / hateful.total).toBeGreaterThanOrEqual(0.98);
  });

  it("flags at least 95 % of insults as insult or hateful", () => {
    expect(insult.hits / insult.total).toBeGreaterThanOrEqual(0.95);
  });

  it("leaves at least 98 % of clean sentences clean", () => {
    expect(falsePositives / clean.total).toBeLessThanOrEqual(0.02);
  });
});

describe("moderateComment: statement rules tell management why", () => {
  it.each([
    ["les arabes sont tous des voleurs", "generalisation: les arabes … voleurs"],
    ["all muslims are terrorists", "generalisation: all muslims … terrorists"],
    ["ces étrangers sont des parasites", "dehumanising: ces etrangers … parasites"],
    ["Dehors les musulmans !", "call-to-expel: dehors les musulmans"],
    ["deport them all", "call-to-expel: deport them"],
    ["vive Hitler", "nazi-glorification: vive hitler"],
    ["la Shoah n'a jamais existé", "holocaust-denial: la shoah n a jamais existe"],
    ["1488", "14/88"],
  ])("%j", (text, term) => {
    expect(moderateComment(text)).toEqual({ verdict: "hateful", terms: [term] });
  });

  it("keeps a word list entry rather than restating it as a rule", () => {
    expect(moderateComment("Espèce de connard, retourne dans ton pays").terms).toEqual(["retourne dans ton pays", "connard"]);
  });

  it("sends an essentialising generalisation it cannot judge to review", () => {
    expect(moderateComment("les Allemands sont tous des ingénieurs").verdict).toBe("review");
    expect(moderateComment("les Bretons sont tous des gens adorables").verdict).toBe("clean");
  });

  it("keeps group words clean when they describe colours or hardware", () => {
    expect(moderateComment("les noirs sont dégueulasses sur cet écran, les blancs sont sales").verdict).toBe("clean");
    expect(moderateComment("the white power cable was unplugged").verdict).toBe("clean");
  });
});
