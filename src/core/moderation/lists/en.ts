// English word lists. Same rules as fr.ts: whole-word matching on a normalised form, so "ass"
// never fires inside "class", "assistance" or "massage", nor "cunt" inside "Scunthorpe".
//
// Why not obscenity's englishDataset? It mixes slurs, insults, profanity and sexual vocabulary in
// one set (no mapping to our verdicts) and, run over French comments, flags ordinary words:
// "abo" (abonnement), "Pénis"/"semences", "cum laude", the surname "Cumming", "Dick Smith".
// A hand-kept list per verdict is easier for management to read and extend.
import type { TermLists } from "./types.js";

/** Groups targeted by "dirty …" / "filthy …" attacks; the words alone are ordinary. */
const TARGETED_GROUPS: readonly string[] = [
  "jew", "arab", "muslim", "mexican", "immigrant", "foreigner", "gypsy", "paki", "chinese",
  "black", "african", "indian", "polack", "gay", "homo",
];

const EN_SLURS: readonly string[] = [
  // racist / xenophobic
  "nigger", "nigga", "niggah", "nigguh", "niglet", "negro", "sand nigger", "jigaboo", "porch monkey",
  "spic", "wetback", "beaner", "gook", "zipperhead", "paki", "raghead", "towelhead", "camel jockey",
  "wop", "chingchong", "ching chong",
  // antisemitic
  "kike", "kyke", "yid", "heeb",
  // homophobic / transphobic
  "faggot", "fag", "fags", "dyke", "tranny", "shemale",
];

/** "white power" is a statement rule (statements/nazism.ts): "the white power cable" is hardware. */
const EN_HATEFUL_PHRASES: readonly string[] = [
  "go back to your country", "go back to your own country", "go back to where you came from",
  "go back where you came from", "go back to africa", "go home immigrant",
  "white pride", "heil hitler", "sieg heil", "hitler was right", "gas the jews",
  "kill all jews", "kill all muslims", "kill all blacks", "death to jews", "death to arabs",
  "subhuman", "untermensch", "inferior race",
];

export const EN_LISTS: TermLists = {
  hateful: [
    ...EN_SLURS,
    ...EN_HATEFUL_PHRASES,
    ...TARGETED_GROUPS.flatMap((g) => [`dirty ${g}`, `filthy ${g}`]),
  ],

  // Insults aimed at a person. "useless", "incompetent", "slow" stay clean: they judge the
  // service, which is exactly the feedback the helpdesk asks for. "retard" alone is not listed:
  // in French it means "late" ("intervention en retard").
  insult: [
    "idiot", "you idiot", "moron", "imbecile", "asshole", "arsehole", "bitch", "son of a bitch",
    "bastard", "cunt", "dickhead", "you dick", "what a dick", "such a dick", "prick", "twat",
    "wanker", "tosser", "scumbag", "dumbass", "jackass", "douchebag", "shithead", "dipshit",
    "fucker", "motherfucker", "cocksucker", "piece of shit", "slut", "whore", "skank",
    "retarded", "you retard", "fucking retard", "you're stupid", "you are stupid", "fuck you", "fuck off",
    "go fuck yourself", "screw you", "go to hell", "stfu", "shut the fuck up",
  ],

  review: [
    // Profanity not clearly aimed at someone ("shit, the VPN is down again").
    "shit", "shitty", "bullshit", "damn", "dammit", "goddamn", "crap", "crappy", "wtf", "fuck",
    "fucking", "fuckin", "fucked", "fck", "ffs", "omfg", "piss", "pissed", "bollocks", "bloody hell",
    "what the hell", "sucks", "ass", "pussy",
    // Threats: a human decides whether to escalate.
    "i'll find you", "i will find you", "we will find you", "i know where you live",
    "i'll kill you", "i will kill you", "i'm going to kill you", "i'll hurt you",
    "you'll pay for this", "you will pay for this", "watch your back", "you're dead",
    // Ambiguous: "chink in the armour", a Maine Coon, "Jap" as an abbreviation, plain rudeness.
    "chink", "coon", "jap", "stupid", "dumb", "loser", "shut up",
  ],
};
