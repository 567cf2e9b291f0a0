// The Requests list's changes to the state, as plain functions like those of state-edits.ts: select,
// add, rename, duplicate and remove a request of the suite, and set what a request expects. Each returns
// a new state; the selected request is always one of the list.

import { type AppState, allRequests, type RequestState, selectedRequestIndex } from "./state";
import type { Decision } from "./types";

/** The state holding `requests` with the one at `selected` (clamped to the list) selected; the list must not be empty. */
function withRequests(state: AppState, requests: RequestState[], selected: number): AppState {
  const index = Math.min(Math.max(selected, 0), requests.length - 1);
  const request = requests[index];
  if (!request) return state;
  return { ...state, request, otherRequests: { before: requests.slice(0, index), after: requests.slice(index + 1) } };
}

/** Selects the request at `index`. */
export function selectRequest(state: AppState, index: number): AppState {
  return withRequests(state, allRequests(state), index);
}

/** The first `request N` (N from the count up) that no request is named. */
function freeName(requests: RequestState[], from: number): string {
  const taken = new Set(requests.map((request) => request.name));
  let number = from;
  while (taken.has(`request ${number}`)) number += 1;
  return `request ${number}`;
}

/**
 * Adds a request at the end and selects it: the selected request's caller and repository asking for a
 * pull, named `request N`. An unnamed request of a one-request document is named `request 1` first, so
 * the list names every request.
 */
export function addRequest(state: AppState): AppState {
  const requests = allRequests(state).map((request, index, all) => (request.name === "" ? { ...request, name: freeName(all, index + 1) } : request));
  const added: RequestState = { ...state.request, name: freeName(requests, requests.length + 1), action: "pull", expect: null };
  return withRequests(state, [...requests, added], requests.length);
}

/** Puts a copy of the request at `index` right after it, named `… (copy)`, and selects the copy. */
export function duplicateRequest(state: AppState, index: number): AppState {
  const requests = allRequests(state);
  const original = requests[index];
  if (!original) return state;
  const copy: RequestState = { ...original, name: `${original.name || `request ${index + 1}`} (copy)` };
  return withRequests(state, [...requests.slice(0, index + 1), copy, ...requests.slice(index + 1)], index + 1);
}

/** Renames the request at `index`; a blank name changes nothing, others are trimmed. */
export function renameRequest(state: AppState, index: number, name: string): AppState {
  const trimmed = name.trim();
  if (trimmed === "") return state;
  return editRequest(state, index, (request) => ({ ...request, name: trimmed }));
}

/** Sets (or, with null, clears) the decision the request at `index` expects. */
export function setRequestExpect(state: AppState, index: number, expect: Decision | null): AppState {
  return editRequest(state, index, (request) => ({ ...request, expect }));
}

/** Removes the request at `index`, unless it is the only one; the selection stays on the same request, or moves to the next one (the last when it was last). */
export function removeRequest(state: AppState, index: number): AppState {
  const requests = allRequests(state);
  if (requests.length < 2 || index < 0 || index >= requests.length) return state;
  const selected = selectedRequestIndex(state);
  return withRequests(
    state,
    requests.filter((_, position) => position !== index),
    selected > index ? selected - 1 : selected,
  );
}

/** The state with only its selected request: what the all-actions view decides for. */
export function selectedRequestOnly(state: AppState): AppState {
  return { ...state, otherRequests: { before: [], after: [] } };
}

function editRequest(state: AppState, index: number, edit: (request: RequestState) => RequestState): AppState {
  const requests = allRequests(state);
  return withRequests(
    state,
    requests.map((request, position) => (position === index ? edit(request) : request)),
    selectedRequestIndex(state),
  );
}
