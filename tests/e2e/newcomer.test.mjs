// The page as a newcomer meets it: Enter and Escape in every dialog, an embed snippet that sizes itself,
// a result that survives a typo, a phone layout, rule codes that link to the rule book, tints with a
// legend, keyboard focus that never gets lost, and the small things a first visit trips on.

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { axe, editorText, loadExample, REPO_ROOT, setEditorText, start, waitForDecision, withPage } from "./harness.mjs";
import { openShare } from "./page-state.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const dialog = (page, kind) => page.locator(`dialog[data-dialog="${kind}"]`);

/** Waits until the dialog of `kind` is gone. */
const closed = (page, kind) => dialog(page, kind).waitFor({ state: "detached" });

test("Enter confirms every dialog and Escape cancels it", async () => {
  await withPage(env, async (page) => {
    // Rename (a prompt): Enter in the field renames; Escape leaves the name.
    await page.click(".add-menu summary");
    await page.click('.add-menu .menu-item:text-is("Identity policy")');
    await page.click('.editor-toolbar button:text-is("Rename")');
    await page.fill("#prompt-input", "by-enter");
    await page.press("#prompt-input", "Enter");
    await closed(page, "prompt");
    await page.waitForSelector('[role=tab] .tab-name:text-is("by-enter")');
    await page.click('.editor-toolbar button:text-is("Rename")');
    await page.fill("#prompt-input", "by-escape");
    await page.press("#prompt-input", "Escape");
    await closed(page, "prompt");
    assert.equal(await page.locator('[role=tab] .tab-name:text-is("by-escape")').count(), 0);

    // Remove (a confirmation): Escape keeps the policy, Enter removes it.
    await page.click('.editor-toolbar button:text-is("Remove")');
    await dialog(page, "confirm").waitFor();
    await page.keyboard.press("Escape");
    await closed(page, "confirm");
    assert.equal(await page.locator('[role=tab] .tab-name:text-is("by-enter")').count(), 1);
    await page.click('.editor-toolbar button:text-is("Remove")');
    await dialog(page, "confirm").waitFor();
    await page.keyboard.press("Enter");
    await page.waitForSelector('[role=tab] .tab-name:text-is("by-enter")', { state: "detached" });

    // The scenario chooser: Escape opens nothing, Enter opens the focused (first) scenario.
    const several = join(REPO_ROOT, "tests", "scenarios", "smoke", "basics.json");
    await page.setInputFiles("#scenario-file", several);
    await dialog(page, "choose").waitFor();
    await page.keyboard.press("Escape");
    await closed(page, "choose");
    assert.equal(await page.locator("#notice:has-text('Opened the scenario')").count(), 0);
    await page.setInputFiles("#scenario-file", []);
    await page.setInputFiles("#scenario-file", several);
    await dialog(page, "choose").waitFor();
    await page.keyboard.press("Enter");
    await page.waitForSelector('#notice:has-text("Scenario 1 of")');

    // The gallery and the help: Escape closes; Enter on the focused example opens it.
    await page.click("#open-gallery");
    await dialog(page, "gallery").waitFor();
    await page.keyboard.press("Escape");
    await closed(page, "gallery");
    await page.click("#open-gallery");
    await page.locator('dialog[data-dialog="gallery"] [data-example] button').first().focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('#notice:has-text("Loaded the example")');
    await page.click("#open-help");
    await dialog(page, "help").waitFor();
    await page.keyboard.press("Enter");
    await closed(page, "help");

    // The share dialogs: Enter copies and closes, Escape closes.
    for (const [button, kind] of [["#copy-link", "share-link"], ["#copy-embed", "share-embed"]]) {
      await openShare(page, button);
      await page.keyboard.press("Escape");
      await closed(page, kind);
      await openShare(page, button);
      await page.evaluate(() => navigator.clipboard.writeText(""));
      await page.keyboard.press("Enter");
      await closed(page, kind);
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), kind === "share-link" ? /#s=1\./ : /<iframe/);
    }
  }, { permissions: ["clipboard-read", "clipboard-write"] });
});

test("the embed code sizes its frame itself and carries the scenario name the person gives", async () => {
  await withPage(env, async (page, session) => {
    await loadExample(page, "03-deny-outside-vpc-endpoint");
    await waitForDecision(page, "explicitDeny");
    const { dialog: share } = await openShare(page, "#copy-embed");
    assert.match(await share.innerText(), /sizes the frame to its content/);
    await share.locator("#share-name").fill("Pull from the build VPC only");
    const snippet = await share.locator("#share-text").inputValue();
    const host = await session.context.newPage();
    // A docs page taller than the frame's first 560 px would need, with the snippet pasted as is.
    await host.setContent(`<!doctype html><title>Docs</title><h1>Internal docs</h1>${snippet}`);
    const frame = host.frames().find((candidate) => candidate !== host.mainFrame());
    await waitForDecision(frame);
    assert.equal(await host.getAttribute("iframe", "title"), "ECR policy playground: Pull from the build VPC only");
    assert.equal(await frame.locator("h1").innerText(), "Pull from the build VPC only");
    // The script resizes the frame to the embedded page's own height: no inner scrollbar.
    await host.waitForFunction(() => document.querySelector("iframe").style.height !== "560px");
    const sizes = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
    assert.ok(sizes.scroll <= sizes.client + 1, `the frame scrolls inside: ${JSON.stringify(sizes)}`);
  }, { permissions: ["clipboard-read", "clipboard-write"] });
});

test("a syntax error keeps the last good result, out of date, with the error above it", async () => {
  await withPage(env, async (page) => {
    await loadExample(page, "02-ci-user-push-pull");
    await waitForDecision(page, "allowed");
    const reasonsBefore = await page.locator("#reasons").innerText();
    const tinted = ".editor-panel:not([hidden]) .cm-line.cm-stmt-allow-match";
    assert.ok((await page.locator(tinted).count()) > 0);

    // Delete one `}` as a person would: the cursor after it, then Backspace.
    const text = await editorText(page);
    const cut = text.lastIndexOf("}", text.lastIndexOf("]"));
    await page.locator(".editor-panel:not([hidden]) .cm-content").click();
    await page.keyboard.press("Control+End");
    for (let left = text.length - (cut + 1); left > 0; left -= 1) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace");
    assert.equal(await editorText(page), text.slice(0, cut) + text.slice(cut + 1));
    await page.waitForSelector('#decision[data-stale="true"]');
    assert.equal(await page.getAttribute("#decision", "data-decision"), "allowed");
    assert.equal(await page.locator("#reasons").innerText(), reasonsBefore);
    assert.ok((await page.locator(tinted).count()) > 0, "the tints stay");
    const note = await page.locator("#stale-note").innerText();
    assert.match(note, /expected `\}` \(to close the object opened at line \d+, column \d+\) at line \d+, column \d+/);
    assert.match(note, /Out of date/);
    // The note comes before the decision.
    assert.ok(await page.evaluate(() => document.querySelector("#stale-note").compareDocumentPosition(document.querySelector("#decision")) & Node.DOCUMENT_POSITION_FOLLOWING));
    const violations = await axe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

    await setEditorText(page, text);
    await page.waitForSelector('#decision:not([data-stale])[data-decision="allowed"]');
    assert.equal(await page.locator("#stale-note").count(), 0);

    // Opened broken, with no earlier result: invalid, as before.
    await setEditorText(page, text.slice(0, cut) + text.slice(cut + 1));
    await page.waitForSelector('#decision[data-stale="true"]');
    await page.reload();
    assert.equal(await waitForDecision(page), "invalid");
    assert.equal(await page.getAttribute("#decision", "data-stale"), null);
  });
});

test("keyboard: Tab leaves the Action field for the next control, and the derived keys are one tab stop", async () => {
  await withPage(env, async (page) => {
    await page.focus("#action-input");
    await page.keyboard.press("Tab");
    const after = await page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName, role: document.activeElement?.getAttribute("role") }));
    assert.notEqual(after.tag, "BODY", "focus was lost");
    assert.notEqual(after.role, "listbox", "focus went to the hidden action list");
    assert.equal(after.id, "resource-input");

    const overrides = page.locator(".context-row.is-derived button");
    const count = await overrides.count();
    assert.ok(count >= 2, `${count} derived keys`);
    assert.equal(await page.locator('.context-row.is-derived button[tabindex="0"]').count(), 1);
    // Tab from the first Override reaches something past the list in one step.
    await overrides.first().focus();
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), await overrides.nth(1).getAttribute("aria-label"));
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.closest(".context-row.is-derived")), null, "Tab left the derived keys");
  });
});

test("tints: an element that did not match is neutral, lint errors are red squiggles, and a legend says which is which", async () => {
  await withPage(env, async (page) => {
    await setEditorText(page, JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "ecr:DeleteRepository" }] }, null, 2));
    await page.waitForSelector(".editor-panel:not([hidden]) .cm-el-fail");
    const colours = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue("--deny");
      document.body.append(probe);
      const deny = getComputedStyle(probe).color;
      probe.remove();
      const fail = document.querySelector(".editor-panel:not([hidden]) .cm-el-fail");
      return { deny, fail: fail ? getComputedStyle(fail).borderBottomColor : null };
    });
    assert.ok(colours.fail, "an element that did not match is marked");
    assert.notEqual(colours.fail, colours.deny, "'did not match' is drawn in the colour of errors");
    const legend = page.locator(".tint-legend li");
    assert.equal(await legend.count(), 6);
    assert.match(await page.locator(".tint-legend").innerText(), /did not match[\s\S]*to fix/);
    // A lint error keeps CodeMirror's red squiggle.
    await setEditorText(page, (await editorText(page)).replace('"Effect": "Deny"', '"Effect": "Denied"'));
    const squiggle = await page.locator(".editor-panel:not([hidden]) .cm-lintRange-error").first().evaluate((node) => getComputedStyle(node).backgroundImage);
    assert.match(squiggle, /svg/);
  });
});

test("on a phone the decision comes first, then the policies, then the request; the header folds into a menu", async () => {
  await withPage(env, async (page) => {
    const top = (selector) => page.locator(selector).evaluate((node) => node.getBoundingClientRect().top + window.scrollY);
    const decision = await top("#decision");
    const policies = await top("#editors-panel");
    const request = await top("#request-panel");
    assert.ok(decision < policies && policies < request, JSON.stringify({ decision, policies, request }));
    assert.ok(decision < 300, `the decision is ${decision} px down`);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(widths.scroll <= widths.client, `the page scrolls sideways: ${JSON.stringify(widths)}`);

    // The header's buttons wait behind "Menu", which the keyboard opens.
    assert.equal(await page.locator("#copy-link").isVisible(), false);
    await page.focus("#menu-toggle");
    await page.keyboard.press("Enter");
    assert.equal(await page.getAttribute("#menu-toggle", "aria-expanded"), "true");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "copy-link");
    await page.keyboard.press("Escape");
    assert.equal(await page.getAttribute("#menu-toggle", "aria-expanded"), "false");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "menu-toggle");

    // Every control of the page is reached by Tab from the top.
    const controls = await page.evaluate(() =>
      Array.from(document.querySelectorAll("main button, main input, main select, main textarea, main [contenteditable=true]"))
        .filter((node) => node.checkVisibility({ visibilityProperty: true }) && !node.disabled && node.getAttribute("tabindex") !== "-1")
        .map((node) => node.id || node.getAttribute("aria-label") || node.textContent.trim().slice(0, 30)),
    );
    const reached = new Set();
    await page.focus("#menu-toggle");
    for (let step = 0; step < 400 && controls.some((control) => !reached.has(control)); step += 1) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const node = document.activeElement;
        return node?.id || node?.getAttribute("aria-label") || node?.textContent.trim().slice(0, 30);
      });
      reached.add(id);
    }
    assert.deepEqual(controls.filter((control) => !reached.has(control)), []);
    const violations = await axe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  }, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});

test("rule codes link to the rule page made from the rule book, code spans render as code, and nothing is said twice", async () => {
  await withPage(env, async (page, session) => {
    await loadExample(page, "01-cross-account-pull");
    await waitForDecision(page, "allowed");
    const link = page.locator("#reasons a.rule-link").first();
    await link.waitFor();
    const key = await link.innerText();
    assert.equal(await link.getAttribute("href"), `./rules.html#rule-${key}`);
    assert.ok((await page.locator("#reasons code").count()) > 0, "backticked text is code");
    assert.equal(await page.locator("#reasons").evaluate((node) => node.textContent.includes("`")), false);
    // The decision box does not repeat the last reason word for word.
    const summary = await page.locator("#decision").innerText();
    const last = await page.locator("#reasons li.reason").last().locator(".reason-message").innerText();
    assert.ok(!summary.includes(last), `the banner repeats "${last}"`);

    // The rule page: the rule book as HTML, with the key's anchor, under the strict CSP.
    const rules = await session.context.newPage();
    await rules.goto(new URL(`rules.html#rule-${key}`, env.url).href);
    assert.equal(await rules.locator(`#rule-${key}`).count(), 1);
    assert.match(await rules.locator("h1").innerText(), /evaluation semantics/);
    assert.match(await rules.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content"), /default-src 'none'/);
    const violations = await axe(rules);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });
});

test("polish: ARN fields show real ARNs, Add policy reads as add, action names wrap between words, conditions are explained once", async () => {
  await withPage(env, async (page) => {
    const arn = "arn:aws:sts::111122223333:assumed-role/platform-ci-deployer/github-actions-1234567890";
    await page.fill("#principal-input", arn);
    const field = await page.locator("#principal-input").evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth, height: node.scrollHeight, shown: node.clientHeight }));
    assert.ok(field.scroll <= field.client && field.height <= field.shown + 1, `the ARN is cut: ${JSON.stringify(field)}`);
    await page.press("#principal-input", "Enter");
    assert.equal(await page.inputValue("#principal-input"), arn, "Enter adds no line break");

    const marker = await page.locator(".add-menu summary").evaluate((node) => ({ list: getComputedStyle(node).listStyleType, before: getComputedStyle(node, "::before").content }));
    assert.equal(marker.list, "none");
    assert.match(marker.before, /\+/);

    await page.click("#result-tab-matrix");
    const cell = page.locator('#matrix-view tr[data-action="ecr:BatchCheckLayerAvailability"] th .link');
    assert.equal(await cell.locator("wbr").count(), 4);

    await page.click("#result-tab-explain");
    await loadExample(page, "03-deny-outside-vpc-endpoint");
    await waitForDecision(page, "explicitDeny");
    await page.click('#statements [data-policy="repository"][data-statement="1"] button');
    const lines = await page.locator("#statement-detail .detail").evaluateAll((items) => items.map((item) => Array.from(item.querySelectorAll(".detail-line"), (line) => line.textContent).join("\n")));
    assert.equal(new Set(lines).size, lines.length, `the detail repeats itself: ${JSON.stringify(lines)}`);
  });
});

test("a misspelled action gets its suggestion in the decision", async () => {
  await withPage(env, async (page) => {
    await page.fill("#action-input", "ecr:BatchGetImages");
    await page.waitForSelector("#decision .decision-typo");
    assert.equal(await page.locator("#decision .decision-typo").innerText(), "ecr:BatchGetImages is not an ECR or ECR Public action: did you mean ecr:BatchGetImage?");
    await page.fill("#action-input", "ecr:BatchGetImage");
    await page.waitForSelector("#decision .decision-typo", { state: "detached" });
  });
});
