// Glorification of Nazism and of genocide, and Holocaust denial: « vive Hitler », "sieg heil",
// "14/88", "white power", « Hitler avait raison », « la Shoah n'a jamais existé ». Mentions stay
// clean: « visite du mémorial de la Shoah », "documentary about Hitler", "88 tickets",
// "ticket #1488", "the white power cable".
import { anywhere, oneOf, rule } from "./pattern.js";
import { named, type StatementRule } from "./rule.js";

const quoted = (kind: string) => (m: RegExpMatchArray): string => `${kind}: ${m[0]}`;

const HITLER = "(?:adolf(?: h+i+t+l+e+r+)?|h+i+t+l+e+r+)";
const REICH = `${oneOf(["le", "the"])}(?: ${oneOf(["3e", "3eme", "3rd", "troisieme", "third", "iiie", "iii"])})? reich`;
const HITLER_RIGHT = oneOf([
  "avait raison", "a eu raison", "a raison", "was right", "had a point", "did nothing wrong",
  "is my hero", "was a hero", "etait un heros", "est mon heros", "etait un genie", "was a genius",
]);
const FINISH_JOB = `${oneOf(["aurait du", "should have", "should ve", "n a pas", "didn t", "did not", "n ait pas"])} ${oneOf(["finir", "fini", "finish", "finished", "terminer", "termine"])} ${oneOf(["le", "son", "the", "his"])} ${oneOf(["travail", "boulot", "job", "work"])}`;

/** The Holocaust by any of its names, and what deniers say of it. */
const HOLOCAUST = oneOf([
  "la shoah", "shoah", "l holocauste", "holocauste", "the holocaust", "holocaust", "les chambres a gaz",
  "chambres a gaz", "the gas chambers", "gas chambers", "le genocide juif", "le genocide des juifs", "auschwitz",
]);
const DENIED = oneOf([
  "n a jamais existe", "n ont jamais existe", "n a pas existe", "n ont pas existe", "n a jamais eu lieu",
  "c est du pipeau", "c est des foutaises", "c est bidon", "c est du flan", "c est une blague",
  "never happened", "didn t happen", "did not happen", "never existed", "never took place",
  `${oneOf(["est", "etait", "c est", "is", "was", "is just", "is all"])}(?: ${oneOf(["un", "une", "a", "totally", "completely", "une grosse", "a big"])})? ${oneOf([
    "mensonge", "mythe", "invention", "arnaque", "escroquerie", "bobard", "fake", "hoax", "lie", "myth",
    "fraud", "scam", "exaggeration", "exageration", "exagere", "exageree", "exaggerated", "fiction",
  ])}`,
]);
const DESERVED = `${oneOf(["meritaient", "meritent", "meritait", "deserved", "deserve"])} ${oneOf([
  "la shoah", "l holocauste", "the holocaust", "auschwitz", "les chambres a gaz", "the gas chambers",
  "d etre gazes", "to be gassed", "to die", "de mourir",
])}`;

/** "1488" is a ticket number after these words ("ticket #1488", "room 1488", "ref 14/88"). */
const REFERENCE_WORDS = oneOf([
  "ticket", "tickets", "n", "no", "num", "numero", "number", "ref", "reference", "room", "bureau",
  "salle", "poste", "ext", "extension", "badge", "id", "commande", "order", "facture", "invoice",
  "incident", "inc", "dossier", "case", "version", "v", "port", "code", "page", "ligne", "line",
  "chambre", "porte", "door", "bus", "vol", "flight", "tel", "piece", "part", "serie", "serial", "lot",
]);
/** "88" means "heil Hitler" only next to another marker; "88 tickets" is a count. */
const NAZI_CONTEXT = anywhere(oneOf(["heil", "hh", "sieg", "hitler", "reich", "aryan", "aryen", "nazi", "ss", "white power", "white pride", "wpww"]));

export const NAZISM_RULES: readonly StatementRule[] = [
  { pattern: rule(`${oneOf(["vive", "long live", "hail", "all hail"])} (?:${HITLER}|${REICH}|${oneOf(["le nazisme", "les nazis", "la ss", "nazism", "the nazis", "the ss"])})`), category: "hateful", label: quoted("nazi-glorification") },
  { pattern: rule(`heil`), category: "hateful", label: named("heil") },
  { pattern: rule(`${HITLER} ${HITLER_RIGHT}`), category: "hateful", label: quoted("nazi-glorification") },
  { pattern: rule(`${HITLER} ${FINISH_JOB}|${oneOf(["dommage qu", "dommage que", "too bad", "shame", "pity"])} ${HITLER}(?: \\S+){0,4} ${oneOf(["fini", "finish", "finished", "termine", "reussi", "succeed", "succeeded"])}`), category: "hateful", label: quoted("genocide-glorification") },
  { pattern: rule(`${HOLOCAUST} ${DENIED}`), category: "hateful", label: quoted("holocaust-denial") },
  { pattern: rule(DESERVED), category: "hateful", label: quoted("genocide-glorification") },
  { pattern: rule(`${oneOf(["suprematie blanche", "white supremacy", "white power worldwide", "wpww", "rahowa", "white pride worldwide"])}`), category: "hateful", label: quoted("white-supremacy") },
  // The slogan is its own label, as it was when it sat in the English word list. "The white power
  // cable" or "white power supply" is hardware.
  { pattern: rule(`white power(?! ${oneOf(["cables?", "supply", "supplies", "adapters?", "bricks?", "buttons?", "leds?", "lights?", "cords?", "strips?", "plugs?", "sockets?", "switch(?:es)?", "outlets?", "banks?", "units?", "leads?", "bars?"])}(?= |$))`), category: "hateful", label: named("white power") },
  {
    pattern: rule(`(?<!(?:^| )${REFERENCE_WORDS} )(?:1488|14 88)(?= \\.|$| ${oneOf(["heil", "hh", "sieg", "white", "88"])})`),
    category: "hateful",
    label: named("14/88"),
  },
  { pattern: rule(`88`), category: "hateful", label: named("88 (heil hitler)"), accept: (_m, stream) => NAZI_CONTEXT.test(stream) },
];
