import { describe, expect, it } from "vitest";
import { spanLineColumn, spanRange } from "./offsets";

describe("spanRange", () => {
  it("reads the span's two UTF-16 offsets and keeps them inside the document", () => {
    expect(spanRange([3, 7], 10)).toEqual({ from: 3, to: 7 });
    expect(spanRange([8, 20], 10)).toEqual({ from: 8, to: 10 });
    expect(spanRange([6, 2], 10)).toEqual({ from: 6, to: 6 });
  });
});

describe("spanLineColumn", () => {
  it("counts lines from 1 and the column in characters, as the engine's messages do", () => {
    const text = '{\n  "Sid": "😀é",\n  "Effect": "Allow"\n}';
    const effect = text.indexOf('"Effect"');
    expect(spanLineColumn([effect, effect + 8], text)).toEqual({ line: 3, column: 3 });
    // After an astral character (two UTF-16 units) the column counts it once.
    const after = text.indexOf("é");
    expect(spanLineColumn([after, after + 1], text)).toEqual({ line: 2, column: 12 });
    expect(spanLineColumn([0, 1], text)).toEqual({ line: 1, column: 1 });
  });
});
