// `npm start`: runs the compiled bot from dist/, building it first when it is missing or older than
// any of its sources. Compiled JavaScript starts faster and holds less memory than TypeScript run
// through tsx, which stays for development (`npm run dev`).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The newest modification time of any file below `dir` (0 when there is none). */
export function newestChange(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** dist/main.js is missing, or a source (the generated Prisma clients included) changed after it was built. */
export function needsBuild(projectRoot = root) {
  const entry = join(projectRoot, "dist/main.js");
  return !existsSync(entry) || newestChange(join(projectRoot, "src")) > statSync(entry).mtimeMs;
}

function build() {
  console.error("cagnotte: compiling TypeScript to dist/ (once, and again after the sources change)…");
  rmSync(join(root, "dist"), { recursive: true, force: true });
  const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("cagnotte: the build failed (see above); `npm run dev` runs the sources without building");
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (needsBuild()) build();
  const { main } = await import(pathToFileURL(join(root, "dist/main.js")).href);
  await main().catch((error) => {
    console.error(`cagnotte: failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
