// The native figures to compare with: the medians criterion wrote for crates/engine/benches (scripts/bench)
// into target/criterion/<benchmark>/new/estimates.json, when they are there.

import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./paths.mjs";

const CRITERION_DIR = join(process.env.CARGO_TARGET_DIR ?? join(REPO_ROOT, "target"), "criterion");

/** `{median µs, measured ISO date}` of a native benchmark, or null when criterion has not run it. */
export function nativeFigure(name) {
  const file = join(CRITERION_DIR, name, "new", "estimates.json");
  if (!existsSync(file)) return null;
  const estimates = JSON.parse(readFileSync(file, "utf8"));
  const nanoseconds = estimates?.median?.point_estimate;
  if (typeof nanoseconds !== "number") return null;
  return { median: nanoseconds / 1000, measured: statSync(file).mtime.toISOString().slice(0, 16).replace("T", " ") };
}
