// The share buttons of the top bar: "Copy link", "Copy embed code", "Download scenario" and "Open
// scenario file". Links and files carry the same scenario document (`shareDocument`), so a link, a
// downloaded file and the CLI all reproduce the same page.

import { byId } from "./dom";
import type { Engine } from "./engine";
import { versionNote } from "./incoming";
import { showAlert } from "./notice";
import { downloadScenario, readScenarioFile } from "./scenario-file";
import { openShareDialog } from "./share-dialog";
import { embedSnippet, embedUrl, linkTo, playgroundUrl, shareDocument, shareValue } from "./share-link";
import type { AppState } from "./state";

/** What the buttons need from the page. */
export interface SharingContext {
  engine: Engine;
  /** The state now on the page. */
  state(): AppState;
  /** Replaces the work with an opened scenario, keeping the current work restorable. */
  load(state: AppState, what: string, notes: string[]): void;
}

/** Binds the four buttons of index.html's share group. */
export function bindSharing(context: SharingContext): void {
  const download = () => downloadScenario(shareDocument(context.state(), context.engine.version()));
  byId("copy-link").addEventListener("click", () => void copyLink(context, download));
  byId("copy-embed").addEventListener("click", () => void copyEmbed(context, download));
  byId("download-scenario").addEventListener("click", download);
  const input = byId<HTMLInputElement>("scenario-file");
  byId("open-scenario").addEventListener("click", () => input.click());
  input.addEventListener("change", () => void openFile(context, input));
}

async function copyLink(context: SharingContext, download: () => void): Promise<void> {
  const encoder = await context.engine.shareEncoder();
  const value = encoder.ok ? shareValue(context.engine, encoder.value, shareDocument(context.state(), context.engine.version())) : encoder;
  const link = value.ok ? linkTo(playgroundUrl(window.location.href), value.value) : null;
  const longLink = context.engine.longLink();
  const long = link !== null && link.length > longLink;
  openShareDialog({
    kind: "link",
    title: "Share link",
    intro:
      "This link opens the page exactly as it is now: every policy as typed, the tabs, the request and the view. It carries everything in its fragment, which is never sent to a server.",
    text: link,
    warning: !value.ok
      ? value.message
      : long
        ? `This link is ${link.length.toLocaleString("en")} characters long. Chat tools and mail clients may cut links longer than about ${longLink.toLocaleString("en")} characters: for a state this big, download the scenario and send the file; “Open scenario file” opens it.`
        : null,
    download: value.ok && !long ? null : download,
  });
}

async function copyEmbed(context: SharingContext, download: () => void): Promise<void> {
  const encoder = await context.engine.shareEncoder();
  const state = context.state();
  const snippetFor = (name: string) => {
    const value = encoder.ok ? shareValue(context.engine, encoder.value, shareDocument({ ...state, name }, context.engine.version())) : encoder;
    const title = name ? `ECR policy playground: ${name}` : "ECR policy playground scenario";
    return value.ok ? { ok: true as const, text: embedSnippet(linkTo(embedUrl(window.location.href), value.value), title) } : value;
  };
  const first = snippetFor(state.name);
  openShareDialog({
    kind: "embed",
    title: "Embed code",
    intro:
      "Paste this into a page of your docs: it shows the policies, the request, the decision and its reasons, read-only, with a link to open them in the playground. The small script after the frame sizes the frame to its content, so nothing is cut off behind a scrollbar.",
    text: first.ok ? first.text : null,
    warning: first.ok ? null : first.message,
    download: first.ok ? null : download,
    name: {
      value: state.name,
      textFor: (name) => {
        const snippet = snippetFor(name.trim());
        return snippet.ok ? snippet.text : snippet.message;
      },
    },
  });
}

async function openFile(context: SharingContext, input: HTMLInputElement): Promise<void> {
  const opened = await readScenarioFile(context.engine, input);
  if (opened === null) return;
  if (!opened.ok) {
    showAlert(opened.message);
    return;
  }
  const { scenario, note } = opened;
  const version = versionNote(scenario.engineVersion, context.engine.version());
  context.load(
    scenario.state,
    `Opened the scenario “${scenario.title}”`,
    [note, version].filter((text): text is string => text !== null),
  );
}
