// Pasting what AWS gives: each fixture of AWS CLI output around a policy (crates/engine/tests/wrapped),
// pasted into the editor of its kind, is decided as the policy inside it; the page says quietly what it
// recognised and offers a button that puts the plain policy in place of the text, which Undo takes back.
// A truncated paste keeps what was pasted, with ordinary findings and no note.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { editorText, REPO_ROOT, selectTab, setEditorText, start, waitForDecision, withSavedDocument } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const WRAPPED = join(REPO_ROOT, "crates", "engine", "tests", "wrapped");
const wrapped = (name) => readFileSync(join(WRAPPED, `${name}.json`), "utf8");

const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ecr:*", Resource: "*" }] };
/** Every editor the fixtures go into, and a cross-account pull by a role session. */
const DOCUMENT = {
  name: "Wrapped policies",
  repositoryPolicy: "",
  identityPolicies: [{ name: "ci-pull", policy: ALLOW_ALL }],
  permissionsBoundary: ALLOW_ALL,
  scps: [[{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }]],
  rcps: [[{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }]],
  request: {
    principal: "arn:aws:sts::444455556666:assumed-role/ci/build-7",
    action: "ecr:BatchGetImage",
    resource: "arn:aws:ecr:us-east-1:111122223333:repository/app",
  },
};

/** Each fixture, the tab it is pasted into, and what the note says it read. */
const FIXTURES = [
  ["get-repository-policy", "Repository policy", "read the policy from policyText of aws ecr get-repository-policy output"],
  ["ecr-public-get-repository-policy", "Repository policy", "read the policy from policyText of aws ecr get-repository-policy output"],
  ["get-registry-policy", "Repository policy", "read the policy from policyText of aws ecr get-registry-policy output"],
  ["json-string", "Repository policy", "read the policy from the JSON string it was pasted as"],
  ["get-policy-version", "ci-pull", "read the policy from PolicyVersion.Document of aws iam get-policy-version output"],
  ["get-policy-version-url-encoded", "ci-pull", "read the policy from PolicyVersion.Document (URL-encoded) of aws iam get-policy-version output"],
  ["get-role-policy", "ci-pull", "read the policy from PolicyDocument of aws iam get-role-policy output"],
  ["get-user-policy", "ci-pull", "read the policy from PolicyDocument of aws iam get-user-policy output"],
  ["get-group-policy", "ci-pull", "read the policy from PolicyDocument of aws iam get-group-policy output"],
  ["describe-policy-scp", "SCP level 1", "read the policy from Policy.Content of aws organizations describe-policy output"],
  ["describe-policy-rcp", "RCP level 1", "read the policy from Policy.Content of aws organizations describe-policy output"],
];

const withDocument = (body) => withSavedDocument(env, DOCUMENT, body);

/** The decision once the evaluation after the latest edit is shown. */
async function settledDecision(page) {
  await page.waitForSelector('#result-panel:not([aria-busy="true"])');
  return waitForDecision(page);
}

test("each real shape pasted into its editor is decided from the policy inside, with a note and a button that unwraps it", async () => {
  await withDocument(async (page) => {
    const note = page.locator("#wrapper-note");
    const replace = note.locator('button:text-is("Replace with the plain policy")');
    for (const [name, tab, said] of FIXTURES) {
      await selectTab(page, tab);
      const pasted = wrapped(name);
      await setEditorText(page, pasted);
      const decision = await settledDecision(page);
      assert.notEqual(decision, "invalid", `${name}: decided`);
      await note.waitFor({ state: "visible" });
      assert.equal(await note.locator(".wrapper-message").innerText(), `Recognised: ${said}.`, name);
      // Tints point into the text as pasted: the statement's tint covers its text there.
      const tinted = (await page.locator(".editor-panel:not([hidden]) .cm-stmt").allTextContents()).join("");
      assert.match(tinted, /Effect/, `${name}: a statement is tinted`);
      await replace.click();
      await note.waitFor({ state: "hidden" });
      const plain = await editorText(page);
      assert.ok(Array.isArray(JSON.parse(plain).Statement), `${name}: the plain policy replaced the text`);
      assert.equal(await settledDecision(page), decision, `${name}: the plain policy decides the same`);
      await page.keyboard.press("Control+Z");
      await note.waitFor({ state: "visible" });
      assert.equal(await editorText(page), pasted, `${name}: Undo brings the pasted text back`);
    }
  });
});

test("a truncated paste keeps its text, gets the ordinary findings and no note", async () => {
  await withDocument(async (page) => {
    const pasted = wrapped("get-repository-policy");
    const truncated = pasted.slice(0, Math.floor(pasted.length / 2));
    await setEditorText(page, truncated);
    // The last good result stays on screen, marked out of date, while the JSON does not parse.
    await page.waitForSelector('#decision[data-stale="true"]');
    assert.equal(await editorText(page), truncated);
    assert.equal(await page.locator("#wrapper-note").isHidden(), true);
    assert.ok((await page.locator('#findings [data-severity="error"]').count()) > 0, "a parse error is listed");
  });
});

test("a document of no recognised shape gets the line naming the shapes", async () => {
  await withDocument(async (page) => {
    await setEditorText(page, JSON.stringify({ repositoryArn: DOCUMENT.request.resource, policy: {} }, null, 2));
    assert.equal(await settledDecision(page), "invalid");
    assert.match(await page.locator("#findings").innerText(), /nor is it a recognised wrapper/);
    assert.equal(await page.locator("#wrapper-note").isHidden(), true);
  });
});
