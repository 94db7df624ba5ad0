// Who receives a payment screenshot: bound leaders of the member's branch, else the nearest bound ones above.
import { describe, expect, it } from "vitest";
import { type ProofCandidate, routeProof } from "../../../bot/features/dues/proof-route.ts";

const PATH = [1, 2, 3, 4];
const c = (memberId: number, orgId: number, bound: boolean, name = `m${memberId}`): ProofCandidate => ({
  memberId,
  name,
  orgId,
  orgName: `org${orgId}`,
  role: "TREASURER",
  bound,
});

describe("routeProof", () => {
  it("keeps a screenshot in the branch when one of its leaders is bound", () => {
    const route = routeProof([c(10, 4, true), c(11, 4, false), c(12, 2, true)], PATH, 99);
    expect(route.recipients.map((r) => r.memberId)).toEqual([10]);
    expect(route.atOwnOrg).toBe(true);
    expect(route.unboundAtOwnOrg.map((r) => r.memberId)).toEqual([11]);
  });

  it("walks up to the nearest organisation with a bound leader, skipping unbound ones on the way", () => {
    const route = routeProof([c(11, 4, false), c(13, 3, false), c(12, 2, true), c(14, 1, true)], PATH, 99);
    expect(route.recipients.map((r) => r.memberId)).toEqual([12]);
    expect(route.atOwnOrg).toBe(false);
  });

  it("never sends a member's screenshot to themself, and names each person once", () => {
    const route = routeProof(
      [c(99, 4, true), c(12, 3, true), { ...c(12, 3, true), role: "COMMITTEE_STAFF" }],
      PATH,
      99,
    );
    expect(route.recipients.map((r) => r.memberId)).toEqual([12]);
  });

  it("reaches nobody when nobody on the path is bound", () => {
    expect(routeProof([c(11, 4, false)], PATH, 99)).toEqual({
      recipients: [],
      atOwnOrg: false,
      unboundAtOwnOrg: [c(11, 4, false)],
    });
  });
});
