// Where to pay: the member's own organisation's method, else the nearest one above that has one.
import { describe, expect, it } from "vitest";
import { pickPaymentMethod } from "../../../bot/features/dues/payment-method.ts";

const org = (id: number, duesPaymentMethod: string | null) => ({ id, name: `组织${id}`, duesPaymentMethod });

describe("pickPaymentMethod", () => {
  it("prefers the deepest organisation on the path that has a method", () => {
    const orgs = [org(1, "省里的账户"), org(2, null), org(3, "学院收款码"), org(4, null)];
    expect(pickPaymentMethod(orgs, [1, 2, 3, 4])).toEqual({ text: "学院收款码", orgName: "组织3" });
    expect(pickPaymentMethod([...orgs.slice(0, 3), org(4, "支部现金")], [1, 2, 3, 4])).toEqual({
      text: "支部现金",
      orgName: "组织4",
    });
  });

  it("ignores organisations off the path and says null when none has a method", () => {
    expect(pickPaymentMethod([org(9, "别人的"), org(1, null)], [1, 2])).toBeNull();
    expect(pickPaymentMethod([org(1, "")], [1])).toBeNull();
  });
});
