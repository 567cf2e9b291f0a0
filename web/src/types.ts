// The shapes the engine's WebAssembly package exchanges with the page. They come from the package's
// own TypeScript declarations (crates/wasm/src/engine-types.d.ts, checked there against real outputs),
// renamed where a name would clash with the page's own (CodeMirror also has a `Diagnostic`).

export type {
  Action as CatalogAction,
  ActionMatch,
  Catalog,
  ConditionOutcome,
  ContextEntry,
  ContextInput,
  Decision,
  Diagnostic as EngineDiagnostic,
  EvaluateResult as Evaluation,
  JsonValue,
  MatrixRow,
  PatternReport,
  PolicyKind,
  PolicyReport,
  PrincipalMatch,
  ResourceMatch,
  Scenario as ScenarioDocument,
  Severity,
  Span,
  StatementOutcome,
  StatementRef,
  StatementReport,
} from "../pkg/ecr_policy_wasm.js";
