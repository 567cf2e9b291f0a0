// A fresh browser context and page for each benchmark run; Chromium and the loopback server come from the
// harness the browser tests use (../browser.mjs).

/** A fresh context (own cache and storage) and page; page errors and console errors go to `problems`. */
export async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}

/**
 * Clicks just before the last character of `text`, in the first line matching `lineSelector` that holds
 * it in one text node, after scrolling that line into view. Throws with `what` when no line does.
 */
export async function clickAtEndOf(page, lineSelector, text, what) {
  const point = await page.evaluate(
    ({ lineSelector, text }) => {
      for (const line of document.querySelectorAll(lineSelector)) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(text);
          if (at < 0) continue;
          line.scrollIntoView({ block: "nearest" });
          const range = document.createRange();
          range.setStart(node, at + text.length - 1);
          range.setEnd(node, at + text.length);
          const box = range.getBoundingClientRect();
          return { x: box.right - 0.5, y: box.top + box.height / 2 };
        }
      }
      return null;
    },
    { lineSelector, text },
  );
  if (!point) throw new Error(`${what} is not on screen`);
  await page.mouse.click(point.x, point.y);
}
