// Hostile links: garbage, truncated, wrong or missing version, too long, a
// decompression bomb, bytes that are not UTF-8, text that is not JSON, JSON that is not a scenario, JSON
// nested too deeply. Each gives a clear message in role="alert", never a blank page, a console error or
// an exception, and the page stays usable with the saved work untouched.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { editorText, example, setEditorText, start, waitForDecision, withPage } from "./harness.mjs";
import { HOSTILE_LINKS, linkFor } from "./links.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const ALERT = '#page-alert[role="alert"]';

test("every bad link opened in a new page gives a clear alert and leaves the saved work as it was", async () => {
  await withPage(env, async (page) => {
    await setEditorText(page, (await editorText(page)).replace('"AllowPull"', '"KeepMe"'));
    await waitForDecision(page);
    for (const { kind, fragment, message } of HOSTILE_LINKS) {
      await page.goto("about:blank");
      await page.goto(env.url + fragment);
      const alert = page.locator(ALERT);
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, message, kind);
      assert.match(text, /The work on the page is unchanged/, kind);
      await waitForDecision(page);
      assert.match(await editorText(page), /KeepMe/, `${kind}: the saved work is still there`);
      assert.equal(new URL(page.url()).hash, "", `${kind}: the bad link is not read again on reload`);
      assert.equal(await page.locator("#notice").isHidden(), true, kind);
    }
    await setEditorText(page, (await editorText(page)).replace('"Effect": "Allow"', '"Effect": "Deny"'));
    await waitForDecision(page, "explicitDeny");
  });
});

test("bad links pasted into the open page give the alert each time, and a good link clears it", async () => {
  await withPage(env, async (page) => {
    for (const { kind, fragment, message } of HOSTILE_LINKS) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, fragment);
      await page.locator(ALERT).filter({ hasText: message }).waitFor();
      await waitForDecision(page);
      await page.locator(`${ALERT} button[aria-label="Dismiss"]`).click();
      assert.equal(await page.locator(ALERT).isHidden(), true, kind);
    }
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, HOSTILE_LINKS[0].fragment);
    await page.locator(ALERT).waitFor();
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, new URL(linkFor(env.url, example("01-cross-account-pull"))).hash);
    await waitForDecision(page, "allowed");
    await page.locator(ALERT).waitFor({ state: "hidden" });
    assert.match(await page.locator("#notice").innerText(), /Opened a shared link/);
  });
});

test("a fragment without a share value (the skip link's) is left alone", async () => {
  await withPage(env, async (page) => {
    // The page handles a fragment in its own `hashchange` listener, synchronously; it adds the listener
    // when it builds the editors. A listener added after that one runs after it: once this one has seen
    // the skip link's fragment, the page has finished with it, and any alert would already be showing.
    await page.waitForSelector(".editor-panel .cm-content");
    await page.evaluate(() => {
      window.addEventListener("hashchange", () => {
        window.seenFragment = window.location.hash;
      });
    });
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.seenFragment === "#editors-panel");
    assert.equal(new URL(page.url()).hash, "#editors-panel");
    assert.equal(await page.locator(ALERT).isHidden(), true);
    assert.equal(await page.locator("#notice").isHidden(), true);
  });
});
