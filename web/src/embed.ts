// The embed view (`?embed=1`): a compact, read-only view of a shared scenario for an iframe in internal
// docs, with "Open in playground" (the same link without `embed`) and "Copy link". It reads only the
// link in its address (again when the fragment changes), never the saved work, saves nothing, and
// reports its height to the parent page.

import { decideState } from "./decide";
import { defaultState } from "./defaults";
import { el } from "./dom";
import { reportHeight } from "./embed-height";
import { decisionBanner, policyList, reasonChain, requestSummary } from "./embed-view";
import type { Engine } from "./engine";
import { type Opened, openLink } from "./incoming";
import { renderRequests, requestRows } from "./requests-list";
import { openShareDialog } from "./share-dialog";
import { playgroundUrl, shareFragment } from "./share-link";
import { findPolicy, isSuite } from "./state";
import { followTheme } from "./theme";
import "./embed.css";

/** Builds the embed view into the (emptied) body once the engine is loaded. */
export function startEmbed(engine: Promise<Engine>): void {
  followTheme();
  const root = el("main", { id: "embed-root", class: "embed" }, [el("p", { class: "field-hint", text: "Loading the policy engine…" })]);
  document.body.classList.add("embed-mode");
  document.body.replaceChildren(root);
  reportHeight(root);
  engine.then(
    (loaded) => {
      render(root, loaded);
      // The parent may point the iframe at another link of the same page: only the fragment changes.
      window.addEventListener("hashchange", () => render(root, loaded));
    },
    (error: unknown) => root.replaceChildren(el("p", { role: "alert", class: "embed-alert", text: `The policy engine could not be loaded: ${String(error)}` })),
  );
}

function render(root: HTMLElement, engine: Engine): void {
  const fragment = shareFragment(window.location.hash);
  const opened: Opened = fragment ? openLink(engine, fragment) : { ok: true, state: defaultState(), notes: [] };
  const playground = playgroundUrl(window.location.href) + (fragment ?? "");
  const open = el("a", { id: "open-in-playground", class: "button-link", href: playground, target: "_blank", rel: "noopener" }, ["Open in playground"]);
  if (!opened.ok) {
    root.replaceChildren(el("div", { role: "alert", class: "embed-alert" }, [el("p", { text: opened.message }), open]));
    return;
  }
  const { state } = opened;
  document.title = state.name ? `${state.name} · ECR Policy Playground` : "ECR Policy Playground";
  const { answer, entries, editorOf } = decideState(engine, state);
  const copy = el(
    "button",
    {
      type: "button",
      id: "copy-link",
      onclick: () =>
        openShareDialog({
          kind: "link",
          title: "Share link",
          intro: "This link opens the scenario in the playground, where it can be edited.",
          text: playground,
          warning: null,
          download: null,
        }),
    },
    ["Copy link"],
  );
  const header = el("header", { class: "embed-header" }, [
    el("h1", { text: state.name || "ECR policy scenario" }),
    el("div", { class: "embed-actions" }, [open, copy]),
  ]);
  const notes = [state.description, ...opened.notes].filter((text) => text !== "").map((text) => el("p", { class: "embed-note", text }));
  if (!answer.ok) {
    root.replaceChildren(header, ...notes, el("p", { role: "alert", class: "embed-alert", text: `Could not evaluate: ${answer.message}` }));
    return;
  }
  const evaluation = answer.value;
  const texts = new Map([...editorOf].map(([id, key]) => [id, findPolicy(state, key)?.text ?? ""]));
  const requests = el("div", { id: "requests", class: "requests" });
  if (isSuite(state)) renderRequests(requests, requestRows(state, entries), null, "h2");
  root.replaceChildren(
    header,
    ...notes,
    ...(isSuite(state) ? [requests] : []),
    decisionBanner(evaluation),
    el("div", { class: "embed-columns" }, [el("div", {}, [requestSummary(state, evaluation), reasonChain(evaluation)]), policyList(evaluation, texts)]),
    el("footer", { class: "embed-footer", text: `Evaluated in your browser by engine ${engine.version()}; no policy leaves this page.` }),
  );
}
