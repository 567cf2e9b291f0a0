// Links work across the page and the CLI, both ways: a link made by `ecr-policy link` opens in
// Chromium with the decision `ecr-policy eval --json` gives, and a link copied from the page evaluates
// the same with `ecr-policy eval --link`.

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cliEval, cliLink } from "./cli.mjs";
import { editorText, loadExample, REPO_ROOT, setEditorText, start, waitForDecision, withPage } from "./harness.mjs";
import { copyLink } from "./page-state.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

/**
 * What the page shows: decision, summary (the banner's `data-summary`: the banner leaves out a summary
 * that repeats the last reason), reasons (their code spans written back in backticks, so the words are
 * compared as the engine gave them) and every statement's outcome.
 */
async function shown(page) {
  return {
    decision: await waitForDecision(page),
    summary: await page.getAttribute("#decision", "data-summary"),
    reasons: await page
      .locator("#reasons .reason-message")
      .evaluateAll((items) => items.map((item) => Array.from(item.childNodes, (node) => (node.nodeName === "CODE" ? `\`${node.textContent}\`` : node.textContent)).join(""))),
    outcomes: await page.locator("#statements [data-outcome]").evaluateAll((items) => items.map((item) => `${item.dataset.policy}#${item.dataset.statement}: ${item.dataset.outcome}`)),
  };
}

/** The same, from the engine's result object as the CLI prints it. */
function fromCli(result) {
  return {
    decision: result.decision,
    summary: result.summary,
    reasons: result.reasons.map((reason) => reason.message),
    outcomes: result.policies.flatMap((policy) => policy.statements.map((statement) => `${policy.id}#${statement.index}: ${statement.outcome}`)),
  };
}

const EXAMPLES = ["01-cross-account-pull", "03-deny-outside-vpc-endpoint", "05-codebuild-service-principal", "09-boundary-pitfall", "13-scp-blocks-deletes"];

test("a link made by ecr-policy link opens with the decision ecr-policy eval gives", async () => {
  await withPage(env, async (page) => {
    for (const id of EXAMPLES) {
      const file = join(REPO_ROOT, "tests", "scenarios", "examples", `${id}.json`);
      const link = cliLink(file, env.url);
      assert.ok(link.startsWith(`${env.url}#s=1.`), link);
      const expected = fromCli(cliEval([file]).result);
      await page.goto(link);
      await waitForDecision(page, expected.decision);
      assert.deepEqual(await shown(page), expected, id);
      assert.doesNotMatch(await page.locator("#notice").innerText(), /made with engine/, `${id}: the CLI and the page run the same engine`);
    }
  });
});

test("a link copied from the page evaluates the same with ecr-policy eval --link", async () => {
  await withPage(env, async (page) => {
    await loadExample(page, "03-deny-outside-vpc-endpoint");
    await page.locator('#missing-keys [data-key="aws:SourceVpce"] button:text-is("Add to context")').click();
    await page.locator(".context-row:last-of-type .context-value").fill("vpce-0a1b2c3d4e5f67890");
    await waitForDecision(page, "allowed");
    const allowed = cliEval(["--link", await copyLink(page)]);
    assert.equal(allowed.status, 0);
    assert.deepEqual(fromCli(allowed.result), await shown(page));

    await setEditorText(page, (await editorText(page)).replace('"Effect": "Allow"', '"Effect": "Allow" "Oops": 1'));
    // The page keeps its last good result, out of date, with the syntax error above it: the error the
    // CLI's summary ends with.
    await page.waitForSelector('#decision[data-stale="true"]');
    const invalid = cliEval(["--link", await copyLink(page)]);
    assert.equal(invalid.status, 2, "policy errors are invalid input");
    assert.equal(invalid.result.decision, "invalid");
    const note = await page.locator("#stale-note .stale-error").innerText();
    const error = note.slice(note.indexOf(": ") + 2);
    assert.ok(invalid.result.summary.endsWith(error), `${invalid.result.summary} / ${error}`);
  });
});
