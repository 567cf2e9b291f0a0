// The "Import from template" dialog: each hand-written template (CloudFormation JSON, CloudFormation YAML
// with short-form tags, a Terraform plan with a module and a value unknown until apply) opened from a
// file, its policies listed with their markers, one loaded into the editor of its slot, and the decision
// changing as that policy says (the work before restorable). A file that cannot be read never changes
// the page.

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { axe, editorText, REPO_ROOT, start, waitForDecision, withPage } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const FIXTURES = join(REPO_ROOT, "tests", "fixtures", "templates");
const DIALOG = 'dialog[data-dialog="template-import"]';

/** The names on the policy tabs, in order. */
async function tabNames(page) {
  return page.locator("#policy-tabs [role=tab] .tab-name").allTextContents();
}

/** Opens the dialog and the fixture `name` through its file button's input. */
async function openFixture(page, name) {
  await page.click("#import-template");
  await page.setInputFiles(`${DIALOG} input[type=file]`, join(FIXTURES, name));
}

/** The listed policies: name, slot and markers. */
async function listed(page) {
  return page.locator("#template-policies [role=option]").evaluateAll((nodes) =>
    nodes.map((node) => ({
      name: node.dataset.name,
      slot: node.dataset.slot,
      markers: Array.from(node.querySelectorAll(".template-marker"), (marker) => marker.textContent),
    })),
  );
}

/** Picks the policy `name` and loads it. */
async function load(page, name) {
  await page.click(`#template-policies [data-name="${name}"]`);
  await page.click("#template-import-apply");
  await page.waitForSelector(DIALOG, { state: "detached" });
}

for (const { file, format, count, pick, slot, marker, decision, shows } of [
  {
    file: "ecr-stack.json",
    format: "a CloudFormation template (JSON)",
    count: 6,
    pick: "AppRepository",
    slot: "repositoryPolicy",
    marker: "{{Fn::GetAtt CiRole.Arn}}",
    // The only principal is a marker to replace: the policy has an error until it is replaced.
    decision: "invalid",
    shows: '"AWS": "{{Fn::GetAtt CiRole.Arn}}"',
  },
  {
    file: "ecr-stack.yaml",
    format: "a CloudFormation template (YAML)",
    count: 5,
    pick: "BuildUser/PermissionsBoundary",
    slot: "permissionsBoundary",
    marker: null,
    // The boundary allows only ecr:GetAuthorizationToken, and the repository policy names the role.
    decision: "implicitDeny",
    shows: '"Sid": "OnlyAuthToken"',
  },
  {
    file: "plan.json",
    format: "a Terraform plan",
    count: 6,
    pick: "aws_ecr_repository_policy.app",
    slot: "repositoryPolicy",
    marker: null,
    // Its Deny refuses every principal outside the organization, and the request names none.
    decision: "explicitDeny",
    shows: '"Sid": "DenyOutsideOrganization"',
  },
]) {
  test(`${file}: the policies are listed, and the one picked goes into its slot and decides`, async () => {
    await withPage(env, async (page) => {
      assert.equal(await waitForDecision(page), "allowed");
      await openFixture(page, file);
      await page.waitForSelector(`#template-status:text-is('Read ${format}: ${count} policies.')`);
      const policies = await listed(page);
      assert.equal(policies.length, count);
      const picked = policies.find((policy) => policy.name === pick);
      assert.equal(picked?.slot, slot, JSON.stringify(policies));
      if (marker) assert.deepEqual(picked.markers, [marker]);
      if (file === "plan.json") {
        const push = policies.find((policy) => policy.name === "module.ci.aws_iam_policy.push");
        assert.deepEqual(push.markers, ["{{unknown until apply: module.ci.aws_iam_policy.push.policy}}"]);
      }
      await load(page, pick);
      assert.equal(await waitForDecision(page, decision), decision);
      assert.ok((await editorText(page)).includes(shows), await editorText(page));
      const notice = await page.locator("#notice").textContent();
      assert.match(notice, new RegExp(`Loaded ${pick.replaceAll(".", "\\.")} `));
      if (marker) assert.ok(notice.includes(`${marker} (line `), notice);
      await page.click("#notice button:text-is('Restore previous work')");
      assert.equal(await waitForDecision(page, "allowed"), "allowed");
    });
  });
}

test("an identity policy is added after the page's own", async () => {
  await withPage(env, async (page) => {
    const before = await tabNames(page);
    await openFixture(page, "ecr-stack.json");
    await page.waitForSelector("#template-policies [data-name='CiRole/pull']");
    await load(page, "CiRole/pull");
    await page.waitForFunction((count) => document.querySelectorAll("#policy-tabs [role=tab]").length === count, before.length + 1);
    assert.deepEqual(await tabNames(page), [...before, "CiRole/pull"]);
    assert.ok((await editorText(page)).includes('"Resource": "{{Fn::GetAtt AppRepository.Arn}}"'));
  });
});

test("a template that cannot be read says where and changes nothing", async () => {
  await withPage(env, async (page) => {
    const before = await tabNames(page);
    await page.click("#import-template");
    await page.locator("#template-text").fill("Resources:\n  A: [\n");
    await page.waitForSelector("#template-status:text-matches('^Not readable: line 3, column 1: not valid YAML')");
    assert.equal(await page.locator("#template-policies [role=option]").count(), 0);
    assert.equal(await page.isDisabled("#template-import-apply"), true);
    await page.locator("#template-text").fill('{"Version": "2012-10-17", "Statement": []}');
    await page.waitForSelector("#template-status:text-matches('a CloudFormation template .* or a Terraform plan in JSON')");
    assert.deepEqual(await axe(page), [], "the dialog has no accessibility violations");
    await page.click(`${DIALOG} button[value=cancel]`);
    await page.waitForSelector(DIALOG, { state: "detached" });
    assert.deepEqual(await tabNames(page), before);
    assert.equal(await waitForDecision(page), "allowed");
  });
});
