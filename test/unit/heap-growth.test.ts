// The bot's process bounds its heap growth (src/adapters/runtime/heap-growth.ts) unless the
// command line chose a factor itself.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { boundHeapGrowth } from "../../src/adapters/runtime/heap-growth.js";

describe("heap growth", () => {
  it("leaves a factor given on the command line alone", () => {
    expect(boundHeapGrowth(["--heap-growing-percent=30"])).toBe(false);
    expect(boundHeapGrowth(["--inspect", "--heap_growing_percent=30"])).toBe(false);
  });

  it("sets a flag V8 knows in a process started without one, and the process keeps running", () => {
    const script = `import { boundHeapGrowth } from ${JSON.stringify(new URL("../../src/adapters/runtime/heap-growth.ts", import.meta.url).pathname)};
      const set = boundHeapGrowth();
      const garbage = [];
      for (let i = 0; i < 200000; i++) garbage.push({ i, text: "x".repeat(20) });
      console.log(JSON.stringify({ set, kept: garbage.length }));`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.status).toBe(0);
    // V8 names a flag it does not know on stderr (and goes on): the name must be one it knows.
    expect(run.stderr).not.toMatch(/unrecognized flag/);
    expect(JSON.parse(run.stdout.trim())).toEqual({ set: true, kept: 200000 });
  });
});
