// The only door to the engine: loads the WebAssembly package built into web/pkg. Every call goes
// through here so that an exception from the engine (only misuse of its API throws) becomes a value the
// page can show, never an uncaught error.
//
// The engine comes as two modules (crates/ARCHITECTURE.md, "Two WebAssembly modules"): the first-load
// module (web/pkg), loaded at start, has what the first decision and typing need; the analyses module
// (web/pkg-analyses: the access diff, who-can, account import, template import, AccessDenied reading,
// the share-link encoder) is fetched and compiled the first time one of them is called, so its
// functions here are asynchronous.

import initWasm, { catalog, decideSuite, decodeShare, evaluate, longLink, matrix, readScenarios, version } from "../pkg/ecr_policy_wasm.js";
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

/** A call's answer: the value, or the message of what went wrong. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** The share value (`1.<payload>`, what follows `#s=`) of a scenario document's JSON text. */
export type ShareEncoder = (scenarioJson: string) => Outcome<string>;

/** The loaded engine. */
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
   * shares; once loaded, it encodes synchronously (the embed dialog re-encodes as the name is typed).
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
   * the scenario). Asynchronous: the analyses may come from a module loaded when first used.
   */
  diff(old: string, next: string, kind: PolicyKind, base: ScenarioDocument): Promise<Outcome<AccessDiff>>;
  /**
   * The policies of a CloudFormation template (JSON or YAML) or a Terraform plan in JSON, or where it
   * cannot be read. Asynchronous: the template reader may live in a module loaded on first use.
   */
  readTemplate(text: string): Promise<ReadTemplateResult | { ok: false; message: string }>;
  /**
   * For a denied request, the changes that would allow it, each verified by the engine (none for an
   * allowed or invalid one). An analysis: asynchronous, so that it can come from a module loaded later.
   */
  suggestFixes(scenario: ScenarioDocument): Promise<Outcome<Fix[]>>;
}

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

/** The analyses module's functions. */
type Analyses = typeof import("../pkg-analyses/ecr_policy_analyses.js");

/** The analyses module, loaded on the first call that needs it; a failed load is tried again on the next call. */
let analyses: Promise<Analyses> | null = null;

/** The analyses module, fetched and instantiated once. */
function loadAnalyses(): Promise<Analyses> {
  analyses ??= import("../pkg-analyses/ecr_policy_analyses.js").then(async (module) => {
    await module.default();
    return module;
  });
  analyses.catch(() => {
    analyses = null;
  });
  return analyses;
}

/** `attempt` with a function of the analyses module; a module that cannot be loaded is a failure too. */
async function attemptAnalysis<T>(run: (module: Analyses) => T): Promise<Outcome<T>> {
  try {
    const module = await loadAnalyses();
    return attempt(() => run(module));
  } catch (error) {
    return { ok: false, message: `The analyses module could not be loaded: ${errorMessage(error)}` };
  }
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
    shareEncoder: () =>
      attemptAnalysis(
        (module): ShareEncoder =>
          (scenarioJson) =>
            attempt(() => module.encodeShare(scenarioJson)),
      ),
    decodeShare: (fragmentOrUrl) =>
      attempt(() => {
        const result = decodeShare(fragmentOrUrl);
        if (!result.ok) throw new Error(result.message);
        return result.text;
      }),
    longLink,
    accessDenied: (text, scenario) => attemptAnalysis((module) => module.accessDenied(text, scenario)),
    readAccount: (accountDetails) => failedOr((module) => module.readAccount(accountDetails)),
    importIdentity: (accountDetails, principal) => failedOr((module) => module.importIdentity(accountDetails, principal)),
    whoCan: (accountDetails, scenario) => failedOr((module) => module.whoCan(accountDetails, scenario)),
    readScenarios: (text) => attempt(() => readScenarios(text)),
    diff: (old, next, kind, base) => attemptAnalysis((module) => module.diff(old, next, kind, base)),
    readTemplate: (text) => failedOr((module) => module.readTemplate(text)),
    suggestFixes: (scenario) =>
      attemptAnalysis((module) => {
        const result = module.suggestFixes(scenario);
        if (!result.ok) throw new Error(result.message);
        return result.fixes;
      }),
  };
}

/**
 * The answer of an analysis whose failures are `{ok: false, message}`, with a throw (misuse) or a module
 * that cannot be loaded answered the same way.
 */
async function failedOr<T>(run: (module: Analyses) => T): Promise<T | { ok: false; message: string }> {
  const answer = await attemptAnalysis(run);
  return answer.ok ? answer.value : { ok: false, message: answer.message };
}

/** Throws the messages of a scenario's errors, if it has any, for `attempt` to return. */
function throwScenarioErrors(errors: readonly { message: string }[]): void {
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join("; "));
}

/** The message of anything thrown across the WebAssembly boundary. */
function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return String(error);
}
