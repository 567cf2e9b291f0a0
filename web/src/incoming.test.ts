import { describe, expect, it } from "vitest";
import type { Engine, Outcome } from "./engine";
import { openLink, readScenarios, versionNote } from "./incoming";

const SCENARIO = { name: "First", request: { principal: "anonymous", action: "ecr:BatchGetImage", resource: "*" } };

/** An engine whose share links are `link:<text>`, running engine version `running`. */
function linkEngine(running: string): Engine {
  const unused = (): never => {
    throw new Error("not used by links");
  };
  return {
    evaluate: unused,
    decideSuite: unused,
    matrix: unused,
    catalog: () => null,
    version: () => running,
    encodeShare: (text): Outcome<string> => ({ ok: true, value: `link:${text}` }),
    decodeShare: (link): Outcome<string> =>
      link.startsWith("link:") ? { ok: true, value: link.slice("link:".length) } : { ok: false, message: "the link is damaged" },
    longLink: () => 2_000,
  };
}

describe("readScenarios", () => {
  it("reads one scenario, an array of them, or a scenarios member", () => {
    const second = { ...SCENARIO, name: "" };
    for (const text of [JSON.stringify([SCENARIO, second]), JSON.stringify({ scenarios: [SCENARIO, second] })]) {
      const read = readScenarios(text, "The file");
      expect(read.ok && read.scenarios.map((scenario) => scenario.title)).toEqual(["First", "scenario 2"]);
    }
    const one = readScenarios(JSON.stringify({ ...SCENARIO, engineVersion: "0.1.0" }), "The file");
    expect(one.ok && one.scenarios.map((scenario) => [scenario.title, scenario.engineVersion, scenario.state.request.principal])).toEqual([
      ["First", "0.1.0", "anonymous"],
    ]);
  });

  it("says which source holds text that is not JSON", () => {
    const read = readScenarios("{ nope", "The file “x.json”");
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/^The file “x\.json” does not hold a scenario: its text is not JSON \(.+\)\.$/);
  });

  it("says when there is no scenario or which one is not one", () => {
    expect(readScenarios("[]", "The link")).toEqual({ ok: false, message: "The link holds no scenario." });
    expect(readScenarios("42", "The link")).toEqual({
      ok: false,
      message: 'The link does not hold a scenario: it is not an object with a "request" object.',
    });
    expect(readScenarios(JSON.stringify([SCENARIO, { request: 1 }]), "The link")).toEqual({
      ok: false,
      message: 'The link does not hold a scenario: scenario 2 is not an object with a "request" object.',
    });
  });

  it("reads an object with both scenarios and request as one scenario", () => {
    const read = readScenarios(JSON.stringify({ ...SCENARIO, scenarios: [] }), "The link");
    expect(read.ok && read.scenarios).toHaveLength(1);
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
