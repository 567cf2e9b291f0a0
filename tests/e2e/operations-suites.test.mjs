// Browser tests of operations and request suites: the all-actions view leads with pull and push and the
// action that stops each, registry-level actions are marked, the action picker offers the operations
// first, an operation's explanation lists its actions, and the Requests list selects, adds, renames,
// duplicates and removes requests, shows pass and fail, and travels through autosave, links and the
// embed view.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { axe, example, loadExample, start, waitForDecision, withPage } from "./harness.mjs";
import { copyLink } from "./page-state.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const CI = "20-ci-role-pulls-but-cannot-push";

/** The Requests list as shown: each row's name, decision and test result. */
async function requestRows(page) {
  return page.locator("#requests li[data-request]").evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector(".request-name")?.textContent,
      decision: row.dataset.decision ?? null,
      result: row.dataset.result ?? null,
      selected: row.classList.contains("is-selected"),
    })),
  );
}

/** Waits until the list has `count` rows and the banner a decision. */
async function waitForRows(page, count) {
  await page.waitForFunction((expected) => document.querySelectorAll("#requests li[data-request]").length === expected, count);
  await waitForDecision(page);
}

test("the all-actions view leads with the operations, and a failing action opens its operation's explanation", async () => {
  await withPage(env, async (page) => {
    await loadExample(page, CI);
    await waitForDecision(page, "allowed");
    await page.click("#result-tab-matrix");
    const operations = page.locator("#matrix-view .matrix-operations tbody tr");
    await operations.first().waitFor();
    // No registry policy: pull and push only.
    assert.deepEqual(await operations.evaluateAll((rows) => rows.map((row) => [row.dataset.operation, row.dataset.decision])), [
      ["pull", "allowed"],
      ["push", "implicitDeny"],
    ]);
    assert.equal(await page.locator('#matrix-view tr[data-operation="pull"]').getAttribute("aria-current"), "true", "the request's operation is marked");
    // The operations come before the all-actions table, whose registry-level rows are marked, the token first.
    const tables = await page.locator("#matrix-view table").evaluateAll((nodes) => nodes.map((node) => node.className));
    assert.deepEqual(tables, ["matrix matrix-operations", "matrix"]);
    const registry = await page.locator('#matrix-view tr[data-registry-level="true"]').evaluateAll((rows) => rows.map((row) => row.dataset.action));
    assert.equal(registry[0], "ecr:GetAuthorizationToken");
    assert.equal(await page.locator('#matrix-view tr[data-action="ecr:GetAuthorizationToken"] .registry-level').innerText(), "registry-level");
    assert.equal(await page.locator('#matrix-view tr[data-action="ecr:BatchGetImage"] .registry-level').count(), 0);

    const failing = page.locator('#matrix-view tr[data-operation="push"] .failing-action');
    assert.equal(await failing.innerText(), "ecr:BatchCheckLayerAvailability");
    await failing.click();
    await waitForDecision(page, "implicitDeny");
    assert.ok(await page.locator("#explain-view").isVisible());
    assert.equal(await page.inputValue("#action-input"), "push");
    const actions = await page.locator("#operation-actions li").evaluateAll((items) => items.map((item) => [item.dataset.action, item.dataset.decision, item.classList.contains("is-deciding")]));
    assert.deepEqual(actions.slice(0, 3), [
      ["ecr:GetAuthorizationToken", "allowed", false],
      ["ecr:BatchCheckLayerAvailability", "implicitDeny", true],
      ["ecr:InitiateLayerUpload", "implicitDeny", false],
    ]);
    assert.equal(actions.length, 7);
    const first = page.locator("#reasons li").first();
    assert.equal(await first.getAttribute("data-step"), "operation");
    assert.match(await first.innerText(), /a docker push needs ecr:BatchCheckLayerAvailability/);
    assert.equal(await first.locator("code").first().innerText(), "ecr:BatchCheckLayerAvailability");
  });
});

test("the action picker offers the operations first, and picking one decides the operation", async () => {
  await withPage(env, async (page) => {
    await page.fill("#action-input", "");
    const options = await page.locator("#action-listbox [role=option]").evaluateAll((nodes) => nodes.slice(0, 6).map((node) => node.dataset.action));
    assert.deepEqual(options, ["pull", "push", "pull-through-cache", "replicate", "mount-layer", options[5]]);
    assert.match(options[5], /^ecr/);
    await page.locator('#action-listbox [data-action="pull"]').dispatchEvent("mousedown");
    assert.equal(await page.inputValue("#action-input"), "pull");
    assert.match(await page.locator("#action-info").innerText(), /^Operation · docker pull/);
    await page.waitForSelector('#operation-actions li[data-action="ecr:GetDownloadUrlForLayer"]');
    assert.equal(await page.locator("#operation-actions li").count(), 3);
  });
});

test("the Requests list shows each request's decision and test result, and the selected one drives the page", async () => {
  await withPage(env, async (page) => {
    await loadExample(page, CI);
    await waitForRows(page, 4);
    const scenario = example(CI);
    assert.deepEqual(
      await requestRows(page),
      scenario.requests.map((request, index) => ({ name: request.name, decision: request.expect, result: "pass", selected: index === 0 })),
    );
    assert.match(await page.locator("#requests .requests-summary").innerText(), /4 of 4 expectations met/);

    await page.click('#requests li[data-request="1"] .request-name');
    await waitForDecision(page, "implicitDeny");
    assert.equal(await page.inputValue("#action-input"), "push");
    await page.waitForSelector('#operation-actions li[data-action="ecr:PutImage"]');
    assert.equal((await requestRows(page))[1].selected, true);

    // An expectation the decision does not meet fails.
    await page.selectOption('#requests li[data-request="1"] .request-expect', "allowed");
    await page.waitForSelector('#requests li[data-request="1"][data-result="fail"]');
    assert.match(await page.locator('#requests li[data-request="1"] .test-fail').innerText(), /fail: expected allowed/);

    // Editing the selected request changes its row only.
    await page.fill("#action-input", "ecr:GetAuthorizationToken");
    await page.waitForSelector('#requests li[data-request="1"][data-decision="allowed"][data-result="pass"]');
    assert.equal((await requestRows(page))[0].decision, "allowed");
    assert.deepEqual(await axe(page), [], "the Requests list has no accessibility violations");
  });
});

test("requests are added, renamed, duplicated and removed, and the list survives a reload, a file, a link and the embed view", async () => {
  await withPage(env, async (page, session) => {
    await page.click("#add-request");
    await waitForRows(page, 2);
    assert.deepEqual(
      (await requestRows(page)).map((row) => [row.name, row.selected]),
      [
        ["request 1", false],
        ["request 2", true],
      ],
    );
    assert.equal(await page.inputValue("#action-input"), "pull");

    await page.click('#requests li[data-request="1"] button:text-is("Rename")');
    const dialog = page.locator('dialog[data-dialog="prompt"]');
    await dialog.locator("input").fill("CI pulls");
    await dialog.locator('button[value="ok"]').click();
    await page.waitForSelector('#requests li[data-request="1"] .request-name:text-is("CI pulls")');

    await page.click('#requests li[data-request="1"] button:text-is("Duplicate")');
    await waitForRows(page, 3);
    assert.deepEqual(
      (await requestRows(page)).map((row) => [row.name, row.selected]),
      [
        ["request 1", false],
        ["CI pulls", false],
        ["CI pulls (copy)", true],
      ],
    );
    await page.click('#requests li[data-request="0"] button:text-is("Remove")');
    await waitForRows(page, 2);
    const shown = await requestRows(page);
    assert.deepEqual(
      shown.map((row) => [row.name, row.selected]),
      [
        ["CI pulls", false],
        ["CI pulls (copy)", true],
      ],
    );

    await page.reload();
    await waitForRows(page, 2);
    assert.deepEqual(await requestRows(page), shown, "autosave keeps the list and the selection");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-scenario")]);
    const file = join(mkdtempSync(join(tmpdir(), "ecr-suite-")), "suite.json");
    await download.saveAs(file);
    assert.deepEqual(
      JSON.parse(readFileSync(file, "utf8")).requests.map((request) => request.name),
      shown.map((row) => row.name),
      "Download scenario writes the list as `requests`",
    );
    const opened = await session.context.newPage();
    await opened.goto(env.url);
    await waitForDecision(opened);
    await opened.setInputFiles("#scenario-file", file);
    await waitForRows(opened, 2);
    assert.deepEqual(await requestRows(opened), shown, "Open scenario file restores the list and the selection");

    const link = await copyLink(page);
    const other = await session.context.newPage();
    await other.goto(link);
    await waitForRows(other, 2);
    assert.deepEqual(await requestRows(other), shown, "a link carries the list");

    const embed = await session.context.newPage();
    await embed.goto(link.replace("#", "?embed=1#"));
    await waitForDecision(embed);
    const rows = await requestRows(embed);
    assert.deepEqual(
      rows.map((row) => [row.name, row.decision]),
      shown.map((row) => [row.name, row.decision]),
    );
    assert.equal(await embed.locator("#requests button, #requests select").count(), 0, "the embed view shows the list read-only");
    assert.deepEqual(await axe(embed), [], "the embed view's Requests list has no accessibility violations");
  });
});
