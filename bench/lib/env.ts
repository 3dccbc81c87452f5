// Benchmark settings from the environment (all optional), and where things are.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const num = (name: string, fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback);
