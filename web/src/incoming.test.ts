import { describe, expect, it } from "vitest";
import type { Engine, Outcome } from "./engine";
import { openLink, readScenarios, readState, versionNote } from "./incoming";
import type { ReadScenariosResult, ScenarioDocument, ScenarioError } from "./types";

const SCENARIO = { name: "First", request: { principal: "anonymous", action: "ecr:BatchGetImage", resource: "*" } };

/**
 * An engine whose share links are `link:<text>`, running engine version `running`. Its scenario reader
 * stands in for the engine's: it lists the scenarios of an array or of `{"scenarios": [...]}`, and gives
 * the error `error` for a text with a `!` in it.
 */
function linkEngine(running: string, error: ScenarioError = { path: "request.principal", message: "missing field", line: 1, column: 2 }): Engine {
  const unused = (): never => {
    throw new Error("not used by links");
  };
  return {
    evaluate: unused,
    decideSuite: unused,
    matrix: unused,
    catalog: () => null,
    version: () => running,
    shareEncoder: async () => ({ ok: true, value: (text): Outcome<string> => ({ ok: true, value: `link:${text}` }) }),
    decodeShare: (link): Outcome<string> =>
      link.startsWith("link:") ? { ok: true, value: link.slice("link:".length) } : { ok: false, message: "the link is damaged" },
    longLink: () => 2_000,
    accessDenied: unused,
    readAccount: unused,
    importIdentity: unused,
    whoCan: unused,
    diff: unused,
    readTemplate: unused,
    suggestFixes: unused,
    readScenarios: (text): Outcome<ReadScenariosResult> => {
      if (text.includes("!")) return { ok: true, value: { ok: false, error } };
      const value: unknown = JSON.parse(text);
      const list = Array.isArray(value) ? value : typeof value === "object" && value !== null && "scenarios" in value ? value.scenarios : [value];
      return { ok: true, value: { ok: true, scenarios: list as ScenarioDocument[] } };
    },
  };
}

describe("readScenarios", () => {
  it("gives a state and a title for each scenario the engine reads", () => {
    const second = { ...SCENARIO, name: "" };
    const read = readScenarios(linkEngine("0.1.0"), JSON.stringify([{ ...SCENARIO, engineVersion: "0.1.0" }, second]), "The file");
    expect(read.ok && read.scenarios.map((scenario) => [scenario.title, scenario.engineVersion, scenario.state.request.principal])).toEqual([
      ["First", "0.1.0", "anonymous"],
      ["scenario 2", null, "anonymous"],
    ]);
  });

  it("says where the engine's reader stopped: line, column and path", () => {
    expect(readScenarios(linkEngine("0.1.0"), "!", "The file “x.json”")).toEqual({
      ok: false,
      message: "The file “x.json” does not hold a scenario: line 1, column 2, `request.principal`: missing field.",
    });
    const noPlace = linkEngine("0.1.0", { path: "", message: "the text is empty.", line: null, column: null });
    expect(readScenarios(noPlace, "!", "The link")).toEqual({ ok: false, message: "The link does not hold a scenario: the text is empty." });
  });

  it("says when there is no scenario", () => {
    expect(readScenarios(linkEngine("0.1.0"), "[]", "The link")).toEqual({ ok: false, message: "The link holds no scenario." });
  });
});

describe("readState", () => {
  it("reads a document of one scenario through the engine, and nothing else", () => {
    expect(readState(linkEngine("0.1.0"), SCENARIO)?.request.principal).toBe("anonymous");
    expect(readState(linkEngine("0.1.0"), [SCENARIO, SCENARIO])).toBeNull();
    expect(readState(linkEngine("0.1.0"), { ...SCENARIO, name: "!" })).toBeNull();
  });
});

describe("openLink", () => {
  it("opens the first scenario and notes the others and another engine version", () => {
    const engine = linkEngine("0.2.0");
    const text = JSON.stringify([{ ...SCENARIO, engineVersion: "0.1.0" }, SCENARIO]);
    const opened = openLink(engine, `link:${text}`);
    expect(opened.ok && opened.state.name).toBe("First");
    expect(opened.ok && opened.notes).toEqual([
      "The link holds 2 scenarios; this is the first, “First”.",
      "It was made with engine 0.1.0; this page runs engine 0.2.0, so its decision may differ.",
    ]);
  });

  it("opens a link of this engine version without notes", () => {
    const opened = openLink(linkEngine("0.1.0"), `link:${JSON.stringify({ ...SCENARIO, engineVersion: "0.1.0" })}`);
    expect(opened.ok && opened.notes).toEqual([]);
  });

  it("says why a damaged link or its content cannot be opened", () => {
    expect(openLink(linkEngine("0.1.0"), "#s=9.x")).toEqual({ ok: false, message: "This link cannot be opened: the link is damaged." });
    expect(openLink(linkEngine("0.1.0"), "link:[]")).toEqual({ ok: false, message: "The link holds no scenario." });
  });
});

describe("versionNote", () => {
  it("is null for an unknown or the same version", () => {
    expect(versionNote(null, "0.1.0")).toBeNull();
    expect(versionNote("0.1.0", "0.1.0")).toBeNull();
    expect(versionNote("0.0.9", "0.1.0")).toContain("engine 0.0.9");
  });
});
