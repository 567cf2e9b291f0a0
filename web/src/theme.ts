// Light and dark themes. By default the page follows the system setting; a choice made on the page is
// remembered. The CSS reads `data-theme` on the root element.

type ThemeChoice = "system" | "light" | "dark";

const KEY = "ecr-policy-playground:theme:v1";
const query = window.matchMedia("(prefers-color-scheme: dark)");

function stored(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

function apply(choice: ThemeChoice): void {
  const dark = choice === "dark" || (choice === "system" && query.matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

/** Applies the remembered theme and follows system changes (the embed view, which has no selector). */
export function followTheme(): void {
  const choice = stored();
  apply(choice);
  query.addEventListener("change", () => apply(choice));
}

/** Applies the remembered theme, follows system changes, and binds the theme selector. */
export function setupTheme(select: HTMLSelectElement): void {
  let choice = stored();
  select.value = choice;
  apply(choice);
  query.addEventListener("change", () => apply(choice));
  select.addEventListener("change", () => {
    choice = select.value === "light" || select.value === "dark" ? select.value : "system";
    try {
      if (choice === "system") window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, choice);
    } catch {
      // The choice still applies to this visit.
    }
    apply(choice);
  });
}
