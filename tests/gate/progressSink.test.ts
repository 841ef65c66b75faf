/** Progress lines follow the operation that started the wait, through its awaits; elsewhere they go to stderr. */
import { currentProgressWriter, withProgressSink } from "../../provider/gate/progressSink";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("concurrent operations each keep their own sink across awaits and timers", async () => {
  const a: string[] = [];
  const b: string[] = [];
  await Promise.all([
    withProgressSink((line) => a.push(line), async () => {
      await tick(20);
      currentProgressWriter()("a after 20 ms");
      setTimeout(() => currentProgressWriter()("a from a timer"), 1);
      await tick(10);
    }),
    withProgressSink((line) => b.push(line), async () => {
      await tick(5);
      currentProgressWriter()("b after 5 ms");
    }),
  ]);
  expect(a).toEqual(["a after 20 ms", "a from a timer"]);
  expect(b).toEqual(["b after 5 ms"]);
});

test("outside any operation, lines go to stderr", () => {
  const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    currentProgressWriter()("[TaskWait gate] task 1: Executing, 1 polls, 0s");
    expect(write).toHaveBeenCalledWith("[TaskWait gate] task 1: Executing, 1 polls, 0s\n");
  } finally {
    write.mockRestore();
  }
});
