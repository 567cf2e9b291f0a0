// The shapes the engine's WebAssembly package exchanges with the page. They come from the package's
// own TypeScript declarations, which wasm-bindgen writes from the Rust types (crates/wasm/ts-check checks
// them against real inputs and outputs), renamed where a name would clash with the page's own
// (CodeMirror also has a `Diagnostic`).

export type {
  AccessDenied,
  AccessDeniedResult,
  Action as CatalogAction,
  ActionMatch,
  ActionMismatch,
  Agreement,
  Catalog,
  ConditionOutcome,
  ConditionWhy,
  ContextEntry,
  ContextInput,
  Decision,
  Diagnostic as EngineDiagnostic,
  EvaluateResult as Evaluation,
  JsonValue,
  MatrixRow,
  NamedAs,
  PatternReport,
  PolicyKind,
  PolicyReport,
  PrincipalMatch,
  PrincipalMismatch,
  RequestFacts,
  ResourceMatch,
  ResourceMismatch,
  Scenario as ScenarioDocument,
  Severity,
  Span,
  StatementOutcome,
  StatementRef,
  StatementReport,
  ValueNote,
} from "../pkg/ecr_policy_wasm.js";
