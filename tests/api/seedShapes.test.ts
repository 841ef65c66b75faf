/**
 * The API 2.0 page's own shapes: its table types `data` as an Array, and a status may arrive as a
 * numeric string. Both are answers, not malformed ones; what is truly malformed stays so.
 */
import { parseV2Response } from "../../provider/api/protocolV2";
import { TaskApiError } from "../../provider/api/errors";

const answer = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });
const parse = (body: unknown) => parseV2Response(11963, answer(body));

describe("API 2.0 data as the seed page types it", () => {
  test('{"data":[{"status":2}]}, the Array the table names, reads as status 2', () => {
    expect(parse({ code: 0, message: "", codeDesc: "Success", data: [{ status: 2 }] })).toMatchObject({ status: 2, statusText: "Succeeded" });
  });

  test('a numeric string status "2" (or "-1") reads as the number', () => {
    expect(parse({ code: 0, data: { status: "2" } })).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(parse({ code: 0, data: [{ status: "-1" }] })).toMatchObject({ status: -1, statusText: "Error" });
  });

  test("an empty array, an array of two records, and a status outside the five stay malformed, naming what came back", () => {
    for (const data of [[], [{ status: 1 }, { status: 2 }], { status: "2.5" }, { status: "7" }, { status: "" }]) {
      let caught: unknown;
      try {
        parse({ code: 0, data });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TaskApiError);
      expect((caught as TaskApiError).kind).toBe("malformed");
      expect((caught as TaskApiError).message).toContain("Redis task 11963");
    }
  });
});
