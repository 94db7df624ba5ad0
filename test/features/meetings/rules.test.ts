import { describe, expect, it } from "vitest";
import { meetingPasses, meetingProblem } from "../../../bot/features/meetings/rules.ts";

describe("the branch meeting rule (more than half of those due, present and in favour)", () => {
  it.each([
    // due, present, for, passes
    [20, 11, 11, true],
    [20, 10, 10, false], // exactly half present is not more than half
    [20, 20, 10, false], // everyone there, but only half in favour
    [21, 11, 11, true],
    [21, 11, 10, false],
    [3, 2, 2, true],
    [1, 1, 1, true],
    [1, 1, 0, false],
  ])("due %i, present %i, for %i → %s", (due, present, votesFor, passes) => {
    expect(meetingPasses({ due, present, votesFor })).toBe(passes);
  });

  it("names a record that cannot be true and never passes it", () => {
    expect(meetingProblem({ due: 10, present: 12, votesFor: 9 })).toBe("present-over-due");
    expect(meetingProblem({ due: 10, present: 8, votesFor: 9 })).toBe("votes-over-present");
    expect(meetingProblem({ due: 0, present: 0, votesFor: 0 })).toBe("no-one-due");
    expect(meetingProblem({ due: 10, present: 6.5, votesFor: 6 })).toBe("not-whole");
    expect(meetingPasses({ due: 10, present: 12, votesFor: 11 })).toBe(false);
  });
});
