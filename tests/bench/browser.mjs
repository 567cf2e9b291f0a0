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
