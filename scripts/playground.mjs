// `npm run playground`: the bot in Teams local mode (no authentication, its own SQLite file under
// data/playground/) and Microsoft 365 Agents Playground, a Teams-like chat in the browser that
// runs offline with no Microsoft account. Type "demo" in the chat to close a demo ticket and get
// its survey. Ctrl+C stops both.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

const port = process.env.PORT ?? "3978";
const playgroundPort = process.env.PLAYGROUND_PORT ?? "56150";
mkdirSync("data/playground", { recursive: true });

const env = {
  ...process.env,
  TEAMS_LOCAL: "true",
  PORT: port,
  HOST: process.env.HOST ?? "127.0.0.1",
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/playground/cagnotte.db",
  // The playground's default user, so that the management commands can be tried too.
  CAGNOTTE_ADMINS: process.env.CAGNOTTE_ADMINS ?? "alexw@example.com",
  MICROSOFT_APP_ID: "",
  MICROSOFT_APP_PASSWORD: "",
};

const children = [];
function run(name, command, args, childEnv) {
  const child = spawn(command, args, { stdio: "inherit", env: childEnv });
  child.on("exit", (code) => {
    console.log(`playground: ${name} exited (${code ?? "signal"}); stopping`);
    stop(code ?? 0);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

run("bot", process.execPath, ["--import", "tsx", "src/main.ts"], env);
run(
  "Agents Playground",
  process.execPath,
  ["node_modules/@microsoft/m365agentsplayground/cli.js", "-e", `http://127.0.0.1:${port}/api/messages`, "-c", "msteams", "-p", playgroundPort, "--dt"],
  { ...process.env, MICROSOFT_APP_ID: "", MICROSOFT_APP_PASSWORD: "" },
);
console.log(`playground: open http://localhost:${playgroundPort} and type "demo" (then "help", "cagnotte status")`);
