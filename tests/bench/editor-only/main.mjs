// The keystroke benchmark's baseline: the playground's policy editor (web/src/policy-editors.ts, the same
// CodeMirror set-up, stylesheet and first findings and tints) with nothing listening to its edits, so a
// keystroke costs CodeMirror alone. The engine runs once, for the first findings and tints, never on an
// edit. `window.showEditor(scenario, width, height)` builds it in a box of the page's editor's size.

import { loadEngine } from "../../../web/src/engine.ts";
import { comparedWith } from "../../../web/src/explain.ts";
import { readState } from "../../../web/src/incoming.ts";
import { PolicyEditors } from "../../../web/src/policy-editors.ts";
import { editorsById, stateToDocument } from "../../../web/src/url-state.ts";
import "../../../web/src/styles.css";

const engine = loadEngine();

window.showEditor = async (scenario, width, height) => {
  const loaded = await engine;
  const state = readState(loaded, scenario);
  if (!state) throw new Error("the engine cannot read the benchmark's scenario");
  const { document, editors } = stateToDocument(state, true);
  const answer = loaded.evaluate(document);
  if (!answer.ok) throw new Error(answer.message);
  const editorOf = editorsById(answer.value.policies, editors);
  const reports = new Map(answer.value.policies.flatMap((report) => (editorOf.has(report.id) ? [[editorOf.get(report.id), report]] : [])));
  const host = window.document.getElementById("editor-host");
  host.style.width = `${width}px`;
  host.style.height = `${height}px`;
  const policyEditors = new PolicyEditors(host, () => undefined, () => [], () => undefined);
  policyEditors.applyEvaluation(reports, comparedWith(answer.value.request));
  policyEditors.sync(state, false);
};
