// The playground: loads the saved work (or a shared link's state) and shows its decision first, then
// loads the editors and panels (./playground, which brings CodeMirror) and hands the page to them. So the
// first decision waits only for the engine and this small module, never for the editors' code.

import { type Decided, decideState, showDecision } from "./decide";
import { defaultState } from "./defaults";
import { byId } from "./dom";
import type { Engine } from "./engine";
import { bindHeaderMenu } from "./header-menu";
import { afterNextPaint, whenIdle } from "./idle";
import { showAlert } from "./notice";
import type { App } from "./playground";
import { ResultView } from "./result-view";
import { shareFragment } from "./share-link";
import { loadSaved } from "./storage";
import { setupTheme } from "./theme";

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
      const start = async (first: Decided | null) => {
        const loadedModule = await import("./playground").catch((error: unknown) => {
          showAlert(`The editors could not be loaded: ${String(error)}`);
          return null;
        });
        if (!loadedModule) return;
        // Three tasks, each once the browser is idle: evaluating the editors' chunk (above), the panels,
        // then the editor and the tabs. No long task holds up the browser right after the decision.
        await whenIdle();
        const started = new loadedModule.App(loaded, results, initial, first);
        app = started;
        // Without saved work there is nothing to keep: the link simply opens.
        if (fragment) started.openShared(fragment, saved !== null);
        window.addEventListener("hashchange", () => {
          const next = shareFragment(window.location.hash);
          if (next) started.openShared(next, true);
        });
        await whenIdle();
        started.showEditors();
      };
      if (fragment) {
        void start(null);
        return;
      }
      // The decision shows first; the editors and the other panels are loaded and built after the frame
      // that paints it.
      const first = decideState(loaded, initial);
      showDecision(results, first);
      void afterNextPaint().then(() => start(first));
    },
    (error: unknown) => {
      results.showMessage("unavailable", "Engine unavailable", `The policy engine could not be loaded: ${String(error)}`);
    },
  );
}
