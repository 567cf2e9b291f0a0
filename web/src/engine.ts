// The page's only door to the engine: loads the WebAssembly package built into web/pkg, and reaches the
// analyses module through the analyses worker (below). Every call goes through here so that an exception
// from the engine (only misuse of its API throws) becomes a value the page can show, never an uncaught
// error.
//
// The engine comes as two modules (crates/ARCHITECTURE.md, "Two WebAssembly modules"): the first-load
// module (web/pkg), loaded at start, has what the first decision and typing need; the analyses module
// (web/pkg-analyses: the access diff, who-can, account import, template import, AccessDenied reading,
// fixes, the share-link encoder) runs in a Web Worker (analyses-client.ts, analyses-worker.ts), started
// and fetching the module the first time an analysis is called, so that a slow analysis never holds up
// typing; its functions here are asynchronous.

import initWasm, { catalog, decideSuite, decodeShare, evaluate, longLink, matrix, readScenarios, version } from "../pkg/ecr_policy_wasm.js";
import { callAnalysis, compiledAnalyses } from "./analyses-client";
import { notLoaded } from "./analyses-protocol";
import { attempt, errorMessage, type Outcome } from "./outcome";
import type {
  AccessDeniedResult,
  AccessDiff,
  Catalog,
  Evaluation,
  Fix,
  ImportIdentityResult,
  Matrix,
  PolicyKind,
  ReadAccountResult,
  ReadScenariosResult,
  ReadTemplateResult,
  RequestDecision,
  ScenarioDocument,
  WhoCanResult,
} from "./types";

export type { Outcome } from "./outcome";

/** The share value (`1.<payload>`, what follows `#s=`) of a scenario document's JSON text. */
export type ShareEncoder = (scenarioJson: string) => Outcome<string>;

/**
 * The loaded engine. Its asynchronous functions are the analyses module's, run in the analyses worker (the
 * share-link encoder on the page); of `diff`, `accessDenied`, `readAccount`, `readTemplate` and
 * `suggestFixes` only the latest call counts (the page asks them again after every pause in typing or every
 * evaluation): a call made while an earlier call of the same function still waits to start takes its
 * place, and the earlier one answers `{ok: false}` at once.
 */
export interface Engine {
  /** Decides the scenario's request, now. */
  evaluate(scenario: ScenarioDocument): Outcome<Evaluation>;
  /**
   * Decides every request of the scenario (its one `request`, or each of a suite's `requests`), parsing
   * the policies once, and gives each one's decision only. A scenario that cannot be read gives its
   * errors' messages.
   */
  decideSuite(scenario: ScenarioDocument): Outcome<RequestDecision[]>;
  /** Decides every operation, every repository action and every registry-level action for the scenario's caller. */
  matrix(scenario: ScenarioDocument): Outcome<Matrix>;
  catalog(): Catalog | null;
  version(): string;
  /**
   * The share-link encoder. It is in the analyses module, as the page needs it only when a person
   * shares; it encodes synchronously (the embed dialog re-encodes as the name is typed), so the module the
   * analyses worker compiled is instantiated on the page for it.
   */
  shareEncoder(): Promise<Outcome<ShareEncoder>>;
  /** The scenario document's JSON text in a link, its fragment or a bare share value. */
  decodeShare(fragmentOrUrl: string): Outcome<string>;
  /** The length above which a link risks being cut by chat tools and mail clients. */
  longLink(): number;
  /** Reads an AccessDenied message; with a scenario, whether its evaluation agrees with AWS's reason. */
  accessDenied(text: string, scenario?: ScenarioDocument): Promise<Outcome<AccessDeniedResult>>;
  /** The users and roles of `aws iam get-account-authorization-details` output, or why it cannot be read. */
  readAccount(accountDetails: string): Promise<ReadAccountResult>;
  /** The identity side of a user or role of the account details. */
  importIdentity(accountDetails: string, principal: string): Promise<ImportIdentityResult>;
  /** Every principal of the account details, and those outside it the scenario's policies name, decided for its request. */
  whoCan(accountDetails: string, scenario: ScenarioDocument): Promise<WhoCanResult>;
  /** Every scenario of a scenario document's text, read by the engine's reader, or where it cannot be read. */
  readScenarios(text: string): Outcome<ReadScenariosResult>;
  /**
   * The access diff of two versions of a policy of `kind` (texts as typed), decided in `base` (the rest of
   * the scenario). Asynchronous: it runs in the analyses worker; only the latest call counts (see above).
   */
  diff(old: string, next: string, kind: PolicyKind, base: ScenarioDocument): Promise<Outcome<AccessDiff>>;
  /**
   * The policies of a CloudFormation template (JSON or YAML) or a Terraform plan in JSON, or where it
   * cannot be read. Asynchronous: an analysis, in the analyses worker.
   */
  readTemplate(text: string): Promise<ReadTemplateResult | { ok: false; message: string }>;
  /**
   * For a denied request, the changes that would allow it, each verified by the engine (none for an
   * allowed or invalid one). An analysis: asynchronous, in the analyses worker.
   */
  suggestFixes(scenario: ScenarioDocument): Promise<Outcome<Fix[]>>;
}

/** Loads the first-load package. */
export async function loadEngine(): Promise<Engine> {
  await initWasm();
  return {
    evaluate: (scenario) => attempt(() => evaluate(scenario)),
    decideSuite: (scenario) =>
      attempt(() => {
        const result = decideSuite(scenario);
        throwScenarioErrors(result.scenarioErrors);
        return result.requests;
      }),
    matrix: (scenario) =>
      attempt(() => {
        const result = matrix(scenario);
        throwScenarioErrors(result.scenarioErrors);
        return { rows: result.rows, operations: result.operations };
      }),
    catalog: () => {
      const answer = attempt(catalog);
      return answer.ok ? answer.value : null;
    },
    version: () => {
      const answer = attempt(version);
      return answer.ok ? answer.value : "unknown";
    },
    shareEncoder: loadShareEncoder,
    decodeShare: (fragmentOrUrl) =>
      attempt(() => {
        const result = decodeShare(fragmentOrUrl);
        if (!result.ok) throw new Error(result.message);
        return result.text;
      }),
    longLink,
    accessDenied: (text, scenario) => callAnalysis("accessDenied", text, scenario),
    readAccount: (accountDetails) => failedOr(callAnalysis("readAccount", accountDetails)),
    importIdentity: (accountDetails, principal) => failedOr(callAnalysis("importIdentity", accountDetails, principal)),
    whoCan: (accountDetails, scenario) => failedOr(callAnalysis("whoCan", accountDetails, scenario)),
    readScenarios: (text) => attempt(() => readScenarios(text)),
    diff: (old, next, kind, base) => callAnalysis("diff", old, next, kind, base),
    readTemplate: (text) => failedOr(callAnalysis("readTemplate", text)),
    suggestFixes: async (scenario) => {
      const answer = await callAnalysis("suggestFixes", scenario);
      if (!answer.ok) return answer;
      return answer.value.ok ? { ok: true, value: answer.value.fixes } : { ok: false, message: answer.value.message };
    },
  };
}

/** The answer of an analysis whose failures are `{ok: false, message}`, with a failed call (see `callAnalysis`) answered the same way. */
async function failedOr<T>(answer: Promise<Outcome<T>>): Promise<T | { ok: false; message: string }> {
  const outcome = await answer;
  return outcome.ok ? outcome.value : { ok: false, message: outcome.message };
}

/** The share-link encoder: the analyses module the worker compiled, instantiated on the page (once: the package keeps its instance). */
async function loadShareEncoder(): Promise<Outcome<ShareEncoder>> {
  const compiled = await compiledAnalyses();
  if (!compiled.ok) return compiled;
  try {
    const module = await import("../pkg-analyses/ecr_policy_analyses.js");
    await module.default({ module_or_path: compiled.value });
    return { ok: true, value: (scenarioJson) => attempt(() => module.encodeShare(scenarioJson)) };
  } catch (error) {
    return notLoaded(errorMessage(error));
  }
}

/** Throws the messages of a scenario's errors, if it has any, for `attempt` to return. */
function throwScenarioErrors(errors: readonly { message: string }[]): void {
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join("; "));
}
