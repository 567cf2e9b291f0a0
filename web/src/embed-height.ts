// The embed view tells the page around its iframe how tall it is, so that page can size the iframe to
// fit: `{type: "ecr-policy-playground:height", height}` (CSS pixels, an integer) through postMessage,
// when it has rendered and whenever its height changes (a resize that rewraps it, fonts loading).
// Documented in web/README.md. The message holds a number only, so any origin may receive it.

/** The `type` of the height message. */
export const HEIGHT_MESSAGE = "ecr-policy-playground:height";

/** Posts the height of `root` to the parent window now and whenever it changes; nothing outside an iframe. */
export function reportHeight(root: HTMLElement): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
  };
  new ResizeObserver(post).observe(root);
  window.addEventListener("resize", post);
  window.addEventListener("load", post);
  post();
}
