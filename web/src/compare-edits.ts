// The Compare view's part of the state, as plain functions like state-edits.ts: open it on a policy
// (the new version starts as a copy of the current text), edit the new version, close it; and the base
// scenario the two versions are compared in, which is the page's scenario without the policy compared.

import { type AppState, findPolicy, type PolicyDoc } from "./state";
import { selectedRequestOnly } from "./suite-edits";
import type { ScenarioDocument } from "./types";
import { stateToDocument } from "./url-state";

/** Opens the Compare view on the policy `key` (and selects its tab), its new version a copy of the current text. */
export function openCompare(state: AppState, key: string): AppState {
  const policy = findPolicy(state, key);
  if (!policy) return state;
  return { ...state, view: { ...state.view, tab: key, compare: { tab: key, text: policy.text } } };
}

/** Sets the text of the Compare view's new version. */
export function setCompareText(state: AppState, text: string): AppState {
  const compare = state.view.compare;
  return compare ? { ...state, view: { ...state.view, compare: { ...compare, text } } } : state;
}

/** Closes the Compare view. */
export function closeCompare(state: AppState): AppState {
  const { compare: _compare, ...view } = state.view;
  return { ...state, view };
}

/** The policy the Compare view compares, when it is open, its policy still exists and its tab is selected. */
export function comparedPolicy(state: AppState): PolicyDoc | null {
  const compare = state.view.compare;
  if (!compare || compare.tab !== state.view.tab) return null;
  return findPolicy(state, compare.tab) ?? null;
}

/**
 * The scenario the policy `key` is compared in: the page's scenario with only its selected request (whose
 * repository and context the representative requests take), without that policy, which the engine puts
 * in its kind's slot. An identity policy goes among the caller's others; an SCP or RCP goes to the last
 * level, so its own level (without it) is moved last: every level must allow (SCPEVAL), so the order of
 * the levels does not change a decision.
 */
export function compareBase(state: AppState, key: string): ScenarioDocument {
  const other = (policy: PolicyDoc) => policy.key !== key;
  const without: AppState = {
    ...selectedRequestOnly(state),
    repository: state.repository.key === key ? { ...state.repository, text: "" } : state.repository,
    registry: state.registry?.key === key ? null : state.registry,
    identities: state.identities.filter(other),
    boundary: state.boundary?.key === key ? null : state.boundary,
    session: state.session?.key === key ? null : state.session,
    scps: ownLevelLast(state.scps, key),
    rcps: ownLevelLast(state.rcps, key),
  };
  return stateToDocument(without, true).document;
}

/**
 * The levels with the level holding `key` moved last, without it and without its blank policies (so the
 * level stays, empty, when it held nothing else: the engine puts the compared policy there).
 */
function ownLevelLast(levels: PolicyDoc[][], key: string): PolicyDoc[][] {
  const own = levels.findIndex((level) => level.some((policy) => policy.key === key));
  if (own < 0) return levels;
  const rest = levels.filter((_, index) => index !== own);
  const level = levels[own] ?? [];
  return [...rest, level.filter((policy) => policy.key !== key && policy.text.trim() !== "")];
}
