// Share links built the way the format is specified (`#s=1.` + base64url of raw deflate,
// crates/ARCHITECTURE.md),
// with Node's zlib rather than the engine, so the tests also check the page against the format itself,
// and the hostile links the page must refuse with a clear message.

import { deflateRawSync } from "node:zlib";

/** The share value (`1.<payload>`) of a text or of raw bytes. */
export function shareValue(content, version = "1") {
  return `${version}.${deflateRawSync(Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8")).toString("base64url")}`;
}

/** The playground link (`<base>#s=...`) of a scenario document or a text. */
export function linkFor(base, content) {
  return `${base}#s=${shareValue(typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content))}`;
}

const REQUEST = { principal: "arn:aws:iam::111122223333:user/alice", action: "ecr:BatchGetImage", resource: "arn:aws:ecr:us-east-1:111122223333:repository/app" };
const VALID = shareValue(JSON.stringify({ name: "cut short", request: REQUEST, repositoryPolicy: "x".repeat(400) }));

/**
 * Every kind of bad link, each with the fragment and what its message must say. The payloads stay under
 * the engine's 64 KiB cap unless the kind is "too long"; the bomb inflates far past the 1 MiB cap.
 */
export const HOSTILE_LINKS = [
  { kind: "garbage", fragment: "#s=1.%%%not*base64%%%", message: /invalid character/ },
  { kind: "truncated", fragment: `#s=${VALID.slice(0, Math.floor(VALID.length / 2))}`, message: /cut short|damaged/ },
  { kind: "wrong version", fragment: `#s=7.${VALID.slice(2)}`, message: /unknown share link format version `7`/ },
  { kind: "no version", fragment: "#s=AAAA", message: /no format version/ },
  { kind: "empty", fragment: "#s=", message: /no format version/ },
  { kind: "too long", fragment: `#s=1.${"A".repeat(70_000)}`, message: /too long/ },
  { kind: "decompression bomb", fragment: `#s=${shareValue(Buffer.alloc(16 * 1024 * 1024, 0x20))}`, message: /larger than the limit/ },
  { kind: "not UTF-8", fragment: `#s=${shareValue(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))}`, message: /not UTF-8/ },
  { kind: "not JSON", fragment: `#s=${shareValue("hello, world")}`, message: /line 1, column 1: invalid JSON/ },
  { kind: "JSON but not a scenario", fragment: `#s=${shareValue("[1, 2, 3]")}`, message: /line 1, column 2, `\[0\]`: invalid type: integer `1`/ },
  { kind: "object without a request", fragment: `#s=${shareValue('{"name": "no request"}')}`, message: /missing field `request`/ },
  { kind: "no scenario at all", fragment: `#s=${shareValue('{"scenarios": []}')}`, message: /holds no scenario/ },
  {
    kind: "nested too deeply",
    fragment: `#s=${shareValue(`{"request": ${JSON.stringify(REQUEST)}, "repositoryPolicy": ${"[".repeat(300_000)}${"]".repeat(300_000)}}`)}`,
    message: /maximum nesting depth exceeded/,
  },
];
