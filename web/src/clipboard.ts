// Copying text. The Clipboard API is tried first; it is missing on plain http, and refused inside an
// iframe whose parent did not grant `clipboard-write`. Then the caller selects the text in a field and
// asks the person to press Ctrl+C, which works everywhere.

/** Chromium's view of the document's permissions policy (`document.featurePolicy`), where it exists. */
interface PolicyView {
  allowsFeature(feature: string): boolean;
}

/** Whether the permissions policy lets this document write the clipboard (true when it cannot tell). */
function clipboardAllowed(): boolean {
  const policy = (document as Document & { featurePolicy?: PolicyView }).featurePolicy;
  return typeof policy?.allowsFeature !== "function" || policy.allowsFeature("clipboard-write");
}

/** Writes `text` to the clipboard; false when the browser does not let the page do it. */
export async function writeClipboard(text: string): Promise<boolean> {
  if (!clipboardAllowed() || typeof navigator.clipboard?.writeText !== "function") {
    return false;
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The key that copies on this platform. */
export function copyKey(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘C" : "Ctrl+C";
}
