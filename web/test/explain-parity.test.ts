// The page's explanation agrees with the engine, over the whole scenario corpus (tests/scenarios). The
// evaluation result leaves out what the policy text or the request facts say (README, "The evaluation
// result as JSON"), and explain.ts works it out again: a statement's label, whether an Action or
// Resource element matched, each pattern's text as compared and what it was compared with. This test
// puts every request of every corpus scenario through the page's own path (the document the page
// builds, the real WebAssembly module's `evaluate`, explain.ts) and compares each of those with what the
// engine itself says, read from its native result by crates/test-kit's `statement-facts`.
//
// It needs the built package in web/pkg (scripts/build-wasm) and cargo, which builds `statement-facts`;
// so it lives outside src/, whose files the page's build type-checks without Node's types.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { corpusFiles } from "../../tests/corpus-files.mjs";
import { evaluate, initSync, readScenarios } from "../pkg/ecr_policy_wasm.js";
import { type Compared, comparedWith, explainStatement, patternText, statementLabel } from "../src/explain";
import { allRequests, findPolicy } from "../src/state";
import { selectedRequestOnly, selectRequest } from "../src/suite-edits";
import type { Evaluation, PatternReport, StatementReport } from "../src/types";
import { documentToState, editorsById, stateToDocument } from "../src/url-state";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** 2026-06-01T00:00:00Z, the corpus's clock (`CORPUS_SECONDS` of crates/test-kit). */
const TIME = 1_780_272_000;
/** Long enough for cargo to build `statement-facts` on a busy machine the first time. */
const BUILD_TIMEOUT_MS = 600_000;

/** What the engine says of one element of a statement (`statement-facts`). */
interface ElementFacts {
  matched: boolean;
  patterns: { value: string; against: string }[];
}

/** What the engine says of one statement (`statement-facts`). */
interface StatementFacts {
  index: number;
  label: string;
  principal: ElementFacts | null;
  action: ElementFacts | null;
  resource: ElementFacts | null;
}

/** One request of a corpus scenario as the page evaluates it. */
interface Evaluated {
  /** The corpus file, scenario and request. */
  where: string;
  /** The document the page evaluates, as JSON. */
  document: string;
  evaluation: Evaluation;
  /** Policy id -> the text its report's spans point into. */
  texts: Map<string, string>;
}

/** Every request of every corpus scenario, each made the one request of the page's state and evaluated as the page does. */
function corpusRequests(): Evaluated[] {
  const found: Evaluated[] = [];
  for (const file of corpusFiles()) {
    const read = readScenarios(readFileSync(file, "utf8"));
    if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
    for (const [number, scenario] of read.scenarios.entries()) {
      const state = documentToState(scenario);
      for (const index of allRequests(state).keys()) {
        const only = selectedRequestOnly(selectRequest(state, index));
        const { document, editors } = stateToDocument(only, true);
        const evaluation = evaluate(document, TIME);
        const texts = new Map([...editorsById(evaluation.policies, editors)].map(([id, key]) => [id, findPolicy(only, key)?.text ?? ""]));
        const where = `${file.slice(repoRoot.length)} scenario ${number + 1} request ${index + 1}`;
        found.push({ where, document: JSON.stringify(document), evaluation, texts });
      }
    }
  }
  return found;
}

/** The engine's facts of every statement of each document, policy by policy. */
function engineFacts(documents: string[]): { id: string; statements: StatementFacts[] }[][] {
  const output = execFileSync("cargo", ["run", "--quiet", "-p", "ecr-policy-test-kit", "--bin", "statement-facts", "--", String(TIME)], {
    cwd: repoRoot,
    input: `${documents.join("\n")}\n`,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  return output
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
}

/** Where the page and the engine disagree on one element: its matched part in the explanation, each pattern's text and what it was compared with. */
function elementDisagreements(
  element: { keySpan: unknown; patterns?: PatternReport<unknown>[]; entries?: PatternReport<unknown>[] } | undefined,
  facts: ElementFacts | null,
  against: string,
  page: { parts: ReturnType<typeof explainStatement>; text: string },
): string[] {
  if (!element || !facts) return element || facts ? [`present on the page: ${element !== undefined}, to the engine: ${facts !== null}`] : [];
  const found: string[] = [];
  const matched = page.parts.find((part) => part.span === element.keySpan)?.matched;
  if (matched !== facts.matched) found.push(`matched: page ${matched}, engine ${facts.matched}`);
  const patterns = element.patterns ?? element.entries ?? [];
  if (patterns.length !== facts.patterns.length) found.push(`patterns: page ${patterns.length}, engine ${facts.patterns.length}`);
  for (const [index, pattern] of patterns.entries()) {
    const engine = facts.patterns[index];
    const value = patternText(pattern, page.text);
    if (value !== engine?.value) found.push(`pattern ${index + 1}: page \`${value}\`, engine \`${engine?.value}\``);
    if (against !== engine?.against) found.push(`pattern ${index + 1} compared with: page \`${against}\`, engine \`${engine?.against}\``);
  }
  return found;
}

/** Where the page's explanation of a statement disagrees with the engine's facts of it. */
function statementDisagreements(statement: StatementReport, facts: StatementFacts, text: string, compared: Compared): string[] {
  const page = { parts: explainStatement(statement, text, compared), text };
  const label = statementLabel(statement);
  return [
    ...(label === facts.label ? [] : [`label: page ${label}, engine ${facts.label}`]),
    ...elementDisagreements(statement.principal, facts.principal, compared.caller, page).map((line) => `principal ${line}`),
    ...elementDisagreements(statement.action, facts.action, compared.action, page).map((line) => `action ${line}`),
    ...elementDisagreements(statement.resource, facts.resource, compared.resource, page).map((line) => `resource ${line}`),
  ];
}

/** The policies' ids with their statements' indexes: what the page's and the engine's lists must share to be compared. */
function shape(policies: readonly { id: string; statements: readonly { index: number }[] }[]): string {
  return policies.map((policy) => `${policy.id} [${policy.statements.map((statement) => statement.index).join(", ")}]`).join("; ");
}

describe("the page's explanation and the engine", () => {
  it(
    "agree on every statement of every corpus request: its label, each element's match, each pattern's text and what it was compared with",
    () => {
      initSync({ module: readFileSync(join(repoRoot, "web/pkg/ecr_policy_wasm_bg.wasm")) });
      const requests = corpusRequests();
      const facts = engineFacts(requests.map((request) => request.document));
      expect(facts.length).toBe(requests.length);
      const disagreements: string[] = [];
      let statements = 0;
      for (const [number, { where, evaluation, texts }] of requests.entries()) {
        const policies = facts[number] ?? [];
        if (shape(evaluation.policies) !== shape(policies)) {
          disagreements.push(`${where}: policies and statements: page ${shape(evaluation.policies)}, engine ${shape(policies)}`);
          continue;
        }
        const compared = comparedWith(evaluation.request);
        for (const [index, policy] of evaluation.policies.entries()) {
          for (const [position, statement] of policy.statements.entries()) {
            const engine = policies[index]?.statements[position];
            if (!engine) continue;
            statements += 1;
            const found = statementDisagreements(statement, engine, texts.get(policy.id) ?? "", compared);
            disagreements.push(...found.map((line) => `${where}, ${policy.id} statement ${statement.index + 1}: ${line}`));
          }
        }
      }
      expect(disagreements).toEqual([]);
      // The corpus has over 800 statements to compare: a test that compared none would pass too.
      expect(statements).toBeGreaterThan(800);
    },
    BUILD_TIMEOUT_MS,
  );
});
