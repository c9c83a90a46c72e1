import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { readRecords } from "./read-records.ts";
import type { DataRecord, ReadRecordsOptions } from "./types.ts";

function streamOf(...chunks: (string | Buffer)[]): Readable {
  return Readable.from(chunks.map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk)));
}

/** Every byte its own chunk: characters and CRLF pairs split across chunk boundaries. */
function byteByByte(text: string | Buffer): Readable {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  return Readable.from([...bytes].map((byte) => Buffer.from([byte])));
}

async function collect(input: NodeJS.ReadableStream | string, options: ReadRecordsOptions): Promise<DataRecord[]> {
  const records: DataRecord[] = [];
  for await (const record of readRecords(input, options)) records.push(record);
  return records;
}

async function failure(input: NodeJS.ReadableStream | string, options: ReadRecordsOptions): Promise<AppError> {
  try {
    await collect(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected readRecords to fail");
}

describe("readRecords csv", () => {
  it("maps rows to header columns with 0-based row ids and 1-based start lines", async () => {
    const records = await collect(streamOf("name,age\n", "ada,36\n\nalan,41\n"), { format: "csv" });
    expect(records).toEqual([
      { id: "0", line: 2, fields: { name: "ada", age: "36" } },
      { id: "1", line: 4, fields: { name: "alan", age: "41" } },
    ]);
  });

  it("gives a quoted multi-line field the line where its record starts", async () => {
    const records = await collect(streamOf('id,note\n1,"first\n\nthird"\n2,plain\n'), { format: "csv" });
    expect(records.map((r) => [r.id, r.line, r.fields.note])).toEqual([
      ["0", 2, "first\n\nthird"],
      ["1", 5, "plain"],
    ]);
  });

  it("reads CRLF, a BOM and multi-byte characters split across every chunk boundary", async () => {
    const text = "\uFEFFcity,greeting\r\nZürich,grüezi 👋\r\n東京,こんにちは\r\n";
    const records = await collect(byteByByte(text), { format: "csv" });
    expect(records.map((r) => r.fields)).toEqual([
      { city: "Zürich", greeting: "grüezi 👋" },
      { city: "東京", greeting: "こんにちは" },
    ]);
    // Code points survive intact: the emoji is one code point of two UTF-16 units.
    expect([...(records[0]!.fields.greeting as string)]).toHaveLength(8);
  });

  it("reads a last line without a newline, and a header-only file as no records", async () => {
    expect((await collect(streamOf("a,b\n1,2"), { format: "csv" })).map((r) => r.fields)).toEqual([{ a: "1", b: "2" }]);
    expect(await collect(streamOf("a,b\n"), { format: "csv" })).toEqual([]);
  });

  it("reads a file path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "records-"));
    const path = join(dir, "people.csv");
    writeFileSync(path, "email\nx@example.org\n");
    expect(await collect(path, { format: "csv" })).toEqual([{ id: "0", line: 2, fields: { email: "x@example.org" } }]);
  });

  it("refuses a row with the wrong number of fields, naming its line", async () => {
    const error = await failure(streamOf("a,b\n1,2\n\n3,4,5\n"), { format: "csv" });
    expect(error.code).toBe("unprocessable");
    expect(error.message).toBe("line 4: expected 2 fields as in the header, found 3");
    expect(error.details).toEqual({ line: 4 });
  });

  it("refuses text after a closing quote and a quote inside an unquoted field, without quoting values", async () => {
    const closing = await failure(streamOf('a,b\n1,"secret"x\n'), { format: "csv" });
    expect(closing.message).toBe("line 2, field 2: text follows a closing quote");
    expect(closing.message).not.toContain("secret");
    const opening = await failure(streamOf('a,b\n1,sec"ret\n'), { format: "csv" });
    expect(opening.message).toBe("line 2, field 2: a quote inside an unquoted field");
    expect(opening.message).not.toContain("sec");
  });

  it("refuses an unclosed quote, naming the line where the record began", async () => {
    const error = await failure(streamOf('a,b\n1,2\n3,"open\nmore\nstill\n'), { format: "csv" });
    expect(error.message).toBe("line 3: a quoted field is never closed");
    expect(error.details).toEqual({ line: 3 });
    expect((await failure(streamOf('a,b\n1,"x'), { format: "csv" })).message).toBe("line 2: a quoted field is never closed");
    expect((await failure(streamOf('a,b\n1,2\n\n"x\ny'), { format: "csv" })).message).toBe("line 4: a quoted field is never closed");
  });

  it("refuses empty and duplicate header names by position", async () => {
    expect((await failure(streamOf("a,,c\n1,2,3\n"), { format: "csv" })).message).toBe("line 1: column 2 of the header has no name");
    expect((await failure(streamOf("\n\nemail,name,email\n"), { format: "csv" })).message).toBe(
      "line 3: columns 1 and 3 of the header have the same name",
    );
  });

  it("refuses an empty file and a file of empty lines", async () => {
    expect((await failure(streamOf(), { format: "csv" })).message).toBe("the file is empty");
    expect((await failure(streamOf("\n\r\n\n"), { format: "csv" })).message).toBe("the file is empty");
  });

  it("refuses non-UTF-8 bytes and NUL bytes, naming the line", async () => {
    const latin1 = Buffer.concat([Buffer.from("name\nok\n"), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), Buffer.from("\n")]);
    const notUtf8 = await failure(byteByByte(latin1), { format: "csv" });
    expect(notUtf8.message).toBe("line 3: not valid UTF-8 text");
    expect(notUtf8.details).toEqual({ line: 3 });
    const binary = await failure(streamOf("a\n1\n2\x00\n"), { format: "csv" });
    expect(binary.message).toMatch(/^line 3: binary content/);
  });

  it("skips malformed rows when asked, reporting each and keeping ids of the rows it reads", async () => {
    const skipped: AppError[] = [];
    const records = await collect(streamOf("a,b\n1,2\n3\n4,5\n"), { format: "csv", onMalformed: "skip", onSkip: (e) => skipped.push(e) });
    // Ids stay the 0-based data row: the skipped row keeps its id 1, so "4,5" is row 2.
    expect(records.map((r) => [r.id, r.line, r.fields.a])).toEqual([
      ["0", 2, "1"],
      ["2", 4, "4"],
    ]);
    expect(skipped.map((e) => e.message)).toEqual(["line 3: expected 2 fields as in the header, found 1"]);
  });

  it("streams: yields the first record before the input ends", async () => {
    let pushed = 0;
    const endless = new Readable({
      read() {
        this.push(pushed === 0 ? "a,b\n" : `${pushed},x\n`);
        pushed += 1;
      },
    });
    for await (const record of readRecords(endless, { format: "csv" })) {
      expect(record.id).toBe("0");
      break;
    }
    expect(pushed).toBeLessThan(100_000);
  });
});

describe("readRecords jsonl", () => {
  it("uses the id field when present, else the 0-based line index; ignores blank lines", async () => {
    const records = await collect(streamOf('{"id":"u-7","n":1}\n\n{"n":2}\r\n{"id":42}\n{"id":null,"n":3}'), { format: "jsonl" });
    expect(records.map((r) => [r.id, r.line])).toEqual([
      ["u-7", 1],
      ["2", 3],
      ["42", 4],
      ["4", 5],
    ]);
    expect(records[1]!.fields).toEqual({ n: 2 });
  });

  it("keeps code points split across chunks", async () => {
    const records = await collect(byteByByte('{"text":"naïve café 🧪 ∑"}\n'), { format: "jsonl" });
    expect(records[0]!.fields.text).toBe("naïve café 🧪 ∑");
  });

  it("refuses invalid JSON without echoing the input", async () => {
    const error = await failure(streamOf('{"a":1}\n{"ssn": 123-45-6789}\n'), { format: "jsonl" });
    expect(error.message).toMatch(/^line 2: invalid JSON/);
    expect(error.message).not.toContain("123-45");
    expect(error.details).toEqual({ line: 2 });
  });

  it("refuses values that are not objects", async () => {
    expect((await failure(streamOf("[1,2]\n"), { format: "jsonl" })).message).toBe("line 1: expected a JSON object, found an array");
    expect((await failure(streamOf('{}\n"x"\n'), { format: "jsonl" })).message).toBe("line 2: expected a JSON object, found a string");
    expect((await failure(streamOf("{}\n{}\nnull\n"), { format: "jsonl" })).message).toBe("line 3: expected a JSON object, found null");
  });

  it("refuses nesting deeper than maxJsonDepth (default 32), brackets inside strings not counting", async () => {
    const depth = (n: number) => `${'{"a":'.repeat(n - 1)}{}${"}".repeat(n - 1)}`;
    expect(await collect(streamOf(`${depth(32)}\n`), { format: "jsonl" })).toHaveLength(1);
    expect((await failure(streamOf(`${depth(33)}\n`), { format: "jsonl" })).message).toBe("line 1: JSON nested deeper than 32 levels");
    expect((await failure(streamOf(`{}\n${depth(4)}\n`), { format: "jsonl", maxJsonDepth: 3 })).details).toEqual({ line: 2 });
    expect(await collect(streamOf(`{"s":"[[[[\\"{{{{"}\n`), { format: "jsonl", maxJsonDepth: 1 })).toHaveLength(1);
    const hostile = "[".repeat(1_000_000);
    expect((await failure(streamOf(hostile), { format: "jsonl" })).message).toBe("line 1: JSON nested deeper than 32 levels");
  });

  it("skips malformed lines when asked", async () => {
    const skipped: number[] = [];
    const input = Buffer.concat([Buffer.from('{"a":1}\nnot json\n[]\n'), Buffer.from([0xff, 0x0a]), Buffer.from('{"a":2}\n')]);
    const records = await collect(streamOf(input), {
      format: "jsonl",
      onMalformed: "skip",
      onSkip: (e) => skipped.push(e.details!.line as number),
    });
    expect(records.map((r) => [r.id, r.fields.a])).toEqual([
      ["0", 1],
      ["4", 2],
    ]);
    expect(skipped).toEqual([2, 3, 4]);
  });

  it("refuses an empty file, binary content and non-UTF-8", async () => {
    expect((await failure(streamOf(""), { format: "jsonl" })).message).toBe("the file is empty");
    expect((await failure(streamOf("\n  \n"), { format: "jsonl" })).message).toBe("the file is empty");
    expect((await failure(streamOf(Buffer.from([0x7b, 0x7d, 0x0a, 0x00, 0x01])), { format: "jsonl" })).message).toMatch(/^line 2: binary/);
    expect((await failure(streamOf(Buffer.from([0x7b, 0x7d, 0x0a, 0xc3, 0x28, 0x0a])), { format: "jsonl" })).message).toBe(
      "line 2: not valid UTF-8 text",
    );
  });
});

describe("readRecords text", () => {
  it("makes one record per non-empty line with the 0-based line index as id", async () => {
    const records = await collect(byteByByte("first line\n\nthird: ünïcødé 👩‍👩‍👧\r\n"), { format: "text" });
    expect(records).toEqual([
      { id: "0", line: 1, fields: { text: "first line" } },
      { id: "2", line: 3, fields: { text: "third: ünïcødé 👩‍👩‍👧" } },
    ]);
  });

  it("refuses an empty file and an overlong UTF-8 sequence", async () => {
    expect((await failure(streamOf(), { format: "text" })).message).toBe("the file is empty");
    // 0xC0 0xAF is an overlong "/": a fatal decoder must refuse it.
    expect((await failure(streamOf(Buffer.from([0x61, 0x0a, 0xc0, 0xaf])), { format: "text" })).message).toBe(
      "line 2: not valid UTF-8 text",
    );
  });
});
