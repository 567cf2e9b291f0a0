// The playground: loads the saved work (or a shared link's state) and shows its decision first, then
// loads the editors and panels (./playground, which brings CodeMirror) and hands the page to them. So the
// first decision waits only for the engine and this small module, never for the editors' code.

import { type Decided, decideState, showDecision } from "./decide";
import { defaultState } from "./defaults";
import { byId } from "./dom";
import type { Engine } from "./engine";
import { bindHeaderMenu } from "./header-menu";
import { showAlert } from "./notice";
import type { App } from "./playground";
import { ResultView } from "./result-view";
import { shareFragment } from "./share-link";
import { loadSaved } from "./storage";
import { setupTheme } from "./theme";
import "./legend.css";

setupTheme(byId<HTMLSelectElement>("theme-select"));
bindHeaderMenu(byId("menu-toggle"), byId("topbar-menu"));

let app: App | null = null;

const results = new ResultView(
  {
    banner: byId("decision"),
    operation: byId("operation-actions"),
    reasons: byId("reasons"),
    statements: byId("statements"),
    detail: byId("statement-detail"),
    missing: byId("missing-keys"),
  },
  {
    selectStatement: (policy, index) => app?.selectStatement(policy, index),
    reveal: (policy, span) => app?.reveal(policy, span),
    addContextKey: (key) => app?.addContextKey(key),
  },
);
results.showMessage("loading", "Loading", "Loading the policy engine…");

/**
 * Starts the playground once the engine is loaded: with the state of the share link in the address
 * when there is one (the saved work then stays restorable), else with the saved work, else the
 * defaults. A link pasted into the address bar later opens the same way.
 */
export function startPlayground(engine: Promise<Engine>): void {
  engine.then(
    (loaded) => {
      const saved = loadSaved(loaded);
      const initial = saved ?? defaultState();
      const fragment = shareFragment(window.location.hash);
      const start = (first: Decided | null) =>
        import("./playground").then(
          ({ App }) => {
            const started = new App(loaded, results, initial, first);
            app = started;
            // Without saved work there is nothing to keep: the link simply opens.
            if (fragment) started.openShared(fragment, saved !== null);
            window.addEventListener("hashchange", () => {
              const next = shareFragment(window.location.hash);
              if (next) started.openShared(next, true);
            });
          },
          (error: unknown) => showAlert(`The editors could not be loaded: ${String(error)}`),
        );
      if (fragment) {
        start(null);
        return;
      }
      // The decision shows first; the editors and the other panels are loaded and built in a task after
      // the next frame, so the browser paints the decision before building them.
      const first = decideState(loaded, initial);
      showDecision(results, first);
      window.requestAnimationFrame(() => window.setTimeout(() => start(first), 0));
    },
    (error: unknown) => {
      results.showMessage("unavailable", "Engine unavailable", `The policy engine could not be loaded: ${String(error)}`);
    },
  );
}
