// Safe mode against the sample in WeChat's own WXBizMsgCrypt SDK (token "spamtest", its EncodingAESKey, appid,
// timestamp, nonce, msg_signature and encrypted message), so our checks agree with WeChat's, not only with ourselves.
import { describe, expect, it } from "vitest";
import { messageSignatureValid, openEnvelope, sealReply } from "../../../bot/channels/official-account/signature.ts";
import { parseXml } from "../../../bot/channels/official-account/xml.ts";

const sample = {
  token: "spamtest",
  aesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  appId: "wx2c2769f8efd9abc2",
  timestamp: "1409735669",
  nonce: "1320562132",
  msgSignature: "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
  encrypted:
    "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=",
};
const query = { timestamp: sample.timestamp, nonce: sample.nonce, msg_signature: sample.msgSignature };

describe("safe mode, on WeChat's sample", () => {
  it("accepts its msg_signature and opens its message, keeping the 19-digit MsgId exact", () => {
    expect(messageSignatureValid(sample.token, query, sample.encrypted)).toBe(true);
    const inner = openEnvelope(sample.aesKey, sample.appId, sample.encrypted);
    const message = parseXml(inner ?? "");
    expect(message).toMatchObject({
      ToUserName: "gh_10f6c3c3ac5a",
      FromUserName: "oyORnuP8q7ou2gfYjqLzSIWZf0rs",
      MsgType: "text",
      Content: "abcdteT",
      MsgId: "6054768590064713728",
    });
  });

  it("refuses a changed body, a wrong token, and a message sealed for another account", () => {
    expect(messageSignatureValid(sample.token, query, `${sample.encrypted.slice(0, -4)}AAA=`)).toBe(false);
    expect(messageSignatureValid("another", query, sample.encrypted)).toBe(false);
    expect(openEnvelope(sample.aesKey, "wx0000000000000000", sample.encrypted)).toBeNull();
    expect(openEnvelope(sample.aesKey, sample.appId, "not-base64-at-all")).toBeNull();
  });

  it("seals a reply the same scheme opens, signed over the sealed text", () => {
    const sealed = sealReply(sample, "<xml><Content><![CDATA[你好]]></Content></xml>", "1409735670", "n0nce");
    expect(
      messageSignatureValid(
        sample.token,
        { timestamp: "1409735670", nonce: "n0nce", msg_signature: sealed.signature },
        sealed.encrypted,
      ),
    ).toBe(true);
    expect(openEnvelope(sample.aesKey, sample.appId, sealed.encrypted)).toContain("你好");
  });
});
