// Calls to expel, exclude or harm a group: « retourne dans ton pays », « qu'ils rentrent chez eux »,
// « dehors les étrangers », « il faudrait gazer tous ces étrangers », "send them back", "deport them
// all", "they should all be killed". Each call needs a destination (a country, "chez eux") or a
// group as its object, so "kill the process", « tuer le processus », « les fichiers ont été
// expulsés du cache », "send them back the logs" or « dehors les vieux serveurs » stay clean.
import { ANY_GROUP, GROUP, GROUP_WORD, PRONOUN, isPeople } from "./groups.js";
import { oneOf, rule } from "./pattern.js";
import type { StatementRule } from "./rule.js";

/** The words matched, prefixed by the rule's name: "call-to-expel: dehors les etrangers". */
const quoted = (kind: string) => (m: RegExpMatchArray): string => `${kind}: ${m[0]}`;
const people = (m: RegExpMatchArray, stream: string): boolean => isPeople(m.groups?.["who"] ?? m[0], stream);

// ---- French ------------------------------------------------------------------------------------

/** Second person: "retourne", "rentrez"… (also typed "retourn"); never a past participle. */
const GO_BACK_FR = oneOf(["retourne?z?", "rentre?z?", "repars", "repartez", "degage?z?", "casse toi", "barre toi", "va t en"]);
const YOUR_PLACE_FR = `${oneOf(["dans", "a", "au", "en", "chez"])} ${oneOf(["ton", "ta", "tes", "votre", "vos"])} ${oneOf([
  "pays?", "bled", "jungle", "brousse", "desert", "afrique", "village", "cabane", "grotte", "caverne",
  "gourbi", "tribu", "case", "ghetto", "patelin", "continent", "pays de merde",
])}`;
const HOMELAND_FR = oneOf(["au bled", "en afrique", "au maghreb", "en algerie", "au maroc", "en tunisie", "au senegal", "au mali", "en turquie", "en arabie"]);
/** Where "they" are sent: "chez eux", "dans leur pays"… */
const THEIR_PLACE_FR = oneOf([
  "chez eux", "dans leurs? pays", "dans son pays", "dans leur bled", "au bled", "en afrique",
  "dans leur jungle", "dans leur brousse", "d ou ils viennent", "la d ou ils viennent",
  "dans leur trou", "a la frontiere", "hors de france",
]);
const SEND_FR = oneOf([
  "renvoyer", "renvoie", "renvoient", "renvoyez", "ramener", "ramenez", "reconduire", "reconduisez",
  "virer", "virez", "expedier", "expediez", "rapatrier", "rapatriez", "foutre", "foutez", "remettre",
]);
const SENT_OBJECT_FR = `(?: ${oneOf(["les", "le", "la", "l", "ce \\S+", "cette \\S+", "cet \\S+", "ces \\S+", "tous ces \\S+", "tous les \\S+"])})?(?: tous| toutes)?`;
const MODAL_FR = oneOf(["faut", "faudrait", "faudra", "doit", "devrait", "devraient", "doivent", "va falloir", "on va", "qu on", "on doit", "on devrait"]);
/** Said of "les" alone, these are about people whatever "les" stands for. */
const EXPEL_OR_KILL_FR = oneOf(["expulser", "deporter", "gazer", "exterminer", "fusiller", "pendre", "lyncher", "massacrer"]);
/** Said of a named group, any of these is a call to harm it. */
const HARM_FR = oneOf([
  "expulser", "expulsez", "deporter", "deportez", "gazer", "gazez", "exterminer", "exterminez",
  "eliminer", "eliminez", "tuer", "tuez", "buter", "butez", "virer", "virez", "chasser", "chassez",
  "bruler", "brulez", "fusiller", "pendre", "noyer", "massacrer", "lyncher", "degager", "degagez",
  "renvoyer", "renvoyez", "interdire", "bannir", "vire", "virent", "expulse", "chasse", "gaze", "tue", "bute",
]);
const MUST_BE_FR = `${oneOf(["doivent", "devraient", "faut", "faudrait", "vont", "doit", "devrait"])}(?: tous| toutes)?(?: etre| se faire)?`;
const HARMED_FR = oneOf([
  "expulses", "renvoyes", "deportes", "extermines", "gazes", "tues", "elimines", "vires",
  "chasses", "pendus", "fusilles", "brules", "noyes", "interdits", "bannis", "partir", "degager",
  "rentrer chez eux", "dehors", "massacres",
]);
const FRANCE_IS_OURS = oneOf(["ici c est la france", "on est en france", "on est chez nous", "t es pas chez toi", "ici on est en france"]);

// ---- English -----------------------------------------------------------------------------------

const YOUR_PLACE_EN = `${oneOf(["your", "ur", "their", "ya"])}(?: ${oneOf(["own", "fucking", "damn", "shithole"])})? ${oneOf([
  "country", "countries", "land", "jungle", "desert", "africa", "mexico", "shithole", "cave",
  "village", "tribe", "hut", "third world country", "home country", "homeland",
])}`;
const THEM_EN = oneOf(["them", "em", "these people", "those people", "all of them", "every last one of them"]);
/** "send them back" at the end of a sentence, or with a destination; not "send them back the logs". */
const BACK_WHERE = `back(?= \\.|$| home| where| to ${oneOf(["their", "where", "africa", "mexico", "the jungle", "the desert", "their own"])})`;
const KILLED_EN = oneOf([
  "killed", "shot", "gassed", "exterminated", "deported", "hanged", "hung", "lynched", "wiped out",
  "burned", "burnt", "expelled", "executed", "nuked", "drowned", "sent back", "kicked out", "thrown out",
]);
const MUST_EN = `${oneOf(["should", "must", "need to", "needs to", "ought to", "deserve to", "have to", "gotta"])}(?: all)? ${oneOf(["be", "get"])}`;

export const CALLS_TO_EXCLUDE_RULES: readonly StatementRule[] = [
  { pattern: rule(`${GO_BACK_FR}(?: ${YOUR_PLACE_FR}| ${HOMELAND_FR})`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`${oneOf(["qu ils", "qu elles", `que ${ANY_GROUP}`])}(?: tous)? ${oneOf(["rentrent", "retournent", "repartent", "degagent", "se cassent", "se barrent", "aillent"])}(?: tous)? ${THEIR_PLACE_FR}`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`${SEND_FR}${SENT_OBJECT_FR} ${THEIR_PLACE_FR}`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`${MODAL_FR}(?: tous| toutes)? (?:les|leur) ${EXPEL_OR_KILL_FR}`), category: "hateful", label: quoted("call-to-harm") },
  { pattern: rule(`les ${EXPEL_OR_KILL_FR}(?: tous| toutes)`), category: "hateful", label: quoted("call-to-harm") },
  { pattern: rule(`${HARM_FR}(?: tous| toutes)? ${GROUP}`), category: "hateful", label: quoted("call-to-harm"), accept: people },
  { pattern: rule(`${GROUP}(?: \\S+)?? ${MUST_BE_FR} ${HARMED_FR}`), category: "hateful", label: quoted("call-to-expel"), accept: people },
  { pattern: rule(`dehors ${GROUP}`), category: "hateful", label: quoted("call-to-expel"), accept: people },
  { pattern: rule(`${GROUP} (?:dehors|hors de ${oneOf(["france", "chez nous", "europe", "notre pays"])})`), category: "hateful", label: quoted("call-to-expel"), accept: people },
  { pattern: rule(`${oneOf(["expulsion", "expulsions", "deportation", "remigration", "a la mer"])} ${oneOf(["de tous les", "de toutes les", "des", "de ces", "de tous ces", "les"])} ${GROUP_WORD}`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`(?:les |qu on les )?(?:laisse|laisser|laissez)(?: les)? se noyer`), category: "hateful", label: quoted("call-to-harm") },
  { pattern: rule(`${oneOf(["bruler", "incendier", "detruire", "raser", "cramer", "faire sauter", "burn", "burn down", "destroy", "bomb"])} ${oneOf(["les", "des", "toutes les", "ces", "all", "the", "all the"])} ${oneOf(["mosquees?", "synagogues?", "mosques?", "synagogues?"])}`), category: "hateful", label: quoted("call-to-harm") },
  { pattern: rule(`${oneOf(["rentre", "retourne", "casse toi", "barre toi", "degage", "va t en"])} chez toi(?: \\S+){0,4} ${FRANCE_IS_OURS}|${FRANCE_IS_OURS}(?: \\S+){0,4} ${oneOf(["rentre", "retourne", "casse toi", "barre toi", "degage"])} chez toi`), category: "hateful", label: quoted("call-to-expel") },
  // English
  { pattern: rule(`go back ${oneOf(["to", "2"])} ${YOUR_PLACE_EN}|go back (?:to )?where (?:you|u|they) came from`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`go home(?: you| u)?(?: \\S+)? ${GROUP_WORD}`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`${oneOf(["send", "ship", "kick"])} (?:${THEM_EN}|${ANY_GROUP})(?: all)? ${BACK_WHERE}`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`deport ${oneOf(["them", "em", "all", "every", "those", "these", "the lot"])}|deport ${ANY_GROUP}`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`kick (?:all )?${ANY_GROUP} out|kick out ${ANY_GROUP}|throw (?:them|${ANY_GROUP}) out of ${oneOf(["the", "this", "our"])} country`), category: "hateful", label: quoted("call-to-expel") },
  { pattern: rule(`${GROUP} out(?= \\.|$)`), category: "hateful", label: quoted("call-to-expel"), accept: people },
  { pattern: rule(`${oneOf(["gas", "exterminate", "lynch", "genocide"])} (?:${THEM_EN}|${ANY_GROUP})`), category: "hateful", label: quoted("call-to-harm") },
  { pattern: rule(`${oneOf(["kill", "shoot", "wipe out", "eradicate", "murder", "hang", "burn", "nuke", "ban", "expel"])} ${GROUP}`), category: "hateful", label: quoted("call-to-harm"), accept: people },
  { pattern: rule(`${GROUP} ${MUST_EN} (?:${KILLED_EN}|banned)`), category: "hateful", label: quoted("call-to-harm"), accept: people },
  // "they should all be killed", « ils doivent tous être gazés »: said of anyone, a call to kill.
  { pattern: rule(`${PRONOUN} ${MUST_EN} ${KILLED_EN}`), category: "hateful", label: quoted("call-to-harm") },
  { pattern: rule(`${PRONOUN} ${MUST_BE_FR} ${oneOf(["extermines", "gazes", "tues", "pendus", "fusilles", "brules", "noyes", "massacres", "expulses", "deportes"])}`), category: "hateful", label: quoted("call-to-harm") },
];
