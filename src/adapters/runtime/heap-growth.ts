// How far the JavaScript heap may grow between full collections. When the process allocates fast
// (a burst of slash commands: about 170 KB per command, most of it Bolt's and Express's), V8 lets
// the old generation grow up to four times what survived the last full collection before it
// collects again: with 40 MB alive, the bot's resident memory reached 290–315 MiB during the
// acknowledgement benchmark's bursts. Growing to at most twice what is alive kept it at 213–236 MiB
// in the same benchmark; the price is more frequent full collections, each about 15 ms at that size.
import { setFlagsFromString } from "node:v8";

/** The heap may grow to (1 + 100 %) × what survived the last full collection. */
const HEAP_GROWING_PERCENT = 100;

/** Sets V8's heap growing factor unless the command line chose one (node --heap-growing-percent=N). */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
