// The rule book as the site serves it: crates/engine/iam-semantics.md, the one source, turned at build
// time into rules.html (a plain page with the page's strict CSP and no script), with an anchor on every
// source key (`#rule-EVAL`) and section. The page links each rule code of an explanation there, through
// the `virtual:rule-keys` module: the keys the rule book defines, so only real codes become links.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import type { Plugin } from "vite";

/** The rule book's source-key lines: `- **STMT / SID / EFF**: …`. */
const KEY_LINE = /^- \*\*([A-Z0-9 /]+)\*\*:/gm;

/** The source keys the rule book defines, in its order. */
export function ruleKeys(markdown: string): string[] {
  return [...markdown.matchAll(KEY_LINE)].flatMap((match) => (match[1] ?? "").split("/").map((key) => key.trim()));
}

/** The rule book as a standalone HTML page. */
export function rulePage(markdown: string): string {
  const body = marked.parse(markdown, { async: false, gfm: true });
  // An anchor on every source key's list item, and on every section heading (`#section-3`).
  const anchored = body
    .replace(/<li><strong>([A-Z0-9 /]+)<\/strong>:/g, (_line, keys: string) => {
      const ids = keys.split("/").map((key) => key.trim());
      const anchors = ids
        .slice(1)
        .map((key) => `<span id="rule-${key}"></span>`)
        .join("");
      return `<li id="rule-${ids[0]}">${anchors}<strong>${keys}</strong>:`;
    })
    .replace(/<h2>(\d+)\. /g, (_heading, number: string) => `<h2 id="section-${number}">${number}. `);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>The rule book · ECR Policy Playground</title>
    <style>
      body { max-width: 52rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; font: 16px/1.55 system-ui, sans-serif; }
      code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
      pre { overflow-x: auto; padding: 0.6rem; border: 1px solid #8884; border-radius: 6px; }
      table { border-collapse: collapse; display: block; overflow-x: auto; }
      th, td { border: 1px solid #8886; padding: 0.2rem 0.5rem; vertical-align: top; }
      a { overflow-wrap: anywhere; }
      :target { outline: 2px solid #0a58ca; outline-offset: 2px; }
    </style>
  </head>
  <body>
    <nav><a href="./">← Back to the playground</a></nav>
    <main>
${anchored}
    </main>
  </body>
</html>
`;
}

/** The id of the module that lists the rule book's source keys. */
const KEYS_MODULE = "virtual:rule-keys";

/** Serves the rule book as rules.html (emitted in the build, answered by the dev server) and its keys as `virtual:rule-keys`. */
export function ruleBook(repoRoot: string): Plugin {
  const source = join(repoRoot, "crates", "engine", "iam-semantics.md");
  const read = () => readFileSync(source, "utf8");
  return {
    name: "rule-book",
    resolveId: (id) => (id === KEYS_MODULE ? `\0${KEYS_MODULE}` : null),
    load(id) {
      if (id !== `\0${KEYS_MODULE}`) return null;
      this.addWatchFile(source);
      return `export default ${JSON.stringify(ruleKeys(read()))};`;
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "rules.html", source: rulePage(read()) });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (!request.url?.split("?")[0]?.endsWith("/rules.html")) return next();
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.end(rulePage(read()));
      });
    },
  };
}
