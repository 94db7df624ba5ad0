// A reply with a file goes out on WeChat as a file message (its name kept), then the text with numbered choices.
import { describe, expect, it } from "vitest";
import { outgoingParts } from "../../../bot/channels/wechat/render.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { startWechat } from "./start-wechat.ts";

const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: "500" });
const { fake, channel } = await startWechat(app);
const csv = new TextEncoder().encode("\uFEFF编号,姓名\r\n202001000005,刘洋\r\n");

describe("files on WeChat", () => {
  it("puts the file before the text", () => {
    const parts = outgoingParts({
      text: "收缴表",
      file: { name: "团费.csv", mime: "text/csv", bytes: csv },
      intent: "x",
    });
    expect(parts).toEqual([
      { kind: "file", name: "团费.csv", bytes: csv },
      { kind: "text", text: "收缴表" },
    ]);
  });

  it("sends the file's bytes under its own name, then the caption", async () => {
    const huang = fake.person("黄丽");
    await channel.sender.send(huang.id, {
      text: "计科2022级1班团支部 2026年团费收缴表",
      file: { name: "团费-计科2022级1班.csv", mime: "text/csv", bytes: csv },
      buttons: [[{ label: "收缴率", payload: "go:duesleaders.orgs" }]],
      intent: "duesleaders.branch",
    });
    const [file, text] = fake.sentTo(huang.id);
    expect(file!.image).toEqual(Buffer.from(csv));
    expect(file!.fileName).toBe("团费-计科2022级1班.csv");
    expect(text!.text).toBe("计科2022级1班团支部 2026年团费收缴表\n\n1. 收缴率");
  });
});
