export { textsFor, LOCALES, type Texts } from "./catalogue.js";
export { formatEuros, formatPercent, formatDay, formatMoment, count } from "./format.js";
export { canonicalCommand, canonicalArgument } from "./command-words.js";
export { localeFromTag, localeFromAcceptLanguage } from "./locale.js";
export { isFinishedStatus } from "./helpdesk-status-words.js";
