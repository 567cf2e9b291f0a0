// The built page served as a reviewer serves it for the first-decision figure: a plain static server in
// a process of its own (web/static-server.mjs), so that serving files never waits for the benchmark's
// own process, which drives the browser.

import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./paths.mjs";

/** Starts the server on a free loopback port for `root`: `{url, close}`. */
export function serveInOwnProcess(root) {
  const child = spawn(process.execPath, [join(REPO_ROOT, "web", "static-server.mjs"), root, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the static server stopped (exit code ${code}) before it listened`)));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const url = output.match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0];
      if (!url) return;
      child.removeAllListeners("exit");
      resolve({
        url,
        close: () =>
          new Promise((closed) => {
            child.once("exit", () => closed());
            child.kill();
          }),
      });
    });
  });
}
