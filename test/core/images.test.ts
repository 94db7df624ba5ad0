// Which images are accepted: PNG or JPEG by their bytes (not their name), at most 5 MB.
import { describe, expect, it } from "vitest";
import { checkImage, fetchImage, imageFileName, imageMime, MAX_IMAGE_BYTES } from "../../bot/core/images.ts";
import { TINY_PNG } from "../helpers/fake-telegram.ts";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0]);

describe("images", () => {
  it("knows PNG and JPEG by their magic bytes and nothing else", () => {
    expect(imageMime(TINY_PNG)).toBe("image/png");
    expect(imageMime(JPEG)).toBe("image/jpeg");
    expect(imageMime(Buffer.from("GIF89a"))).toBeNull();
    expect(imageMime(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(imageMime(new Uint8Array([0x89, 0x50]))).toBeNull();
    expect(imageFileName(JPEG)).toBe("image.jpg");
    expect(imageFileName(TINY_PNG)).toBe("image.png");
  });

  it("accepts up to 5 MB exactly", () => {
    const atLimit = Buffer.concat([JPEG, Buffer.alloc(MAX_IMAGE_BYTES - JPEG.length)]);
    expect(checkImage(atLimit)).toEqual({ mime: "image/jpeg" });
    expect(checkImage(Buffer.concat([atLimit, Buffer.alloc(1)]))).toEqual({ problem: "too-large" });
    expect(checkImage(Buffer.from("hello"))).toEqual({ problem: "wrong-type" });
  });

  it("turns a failed download into a problem, not an exception", async () => {
    const failing = { fileRef: "x", fetch: () => Promise.reject(new Error("404")) };
    expect(await fetchImage(failing)).toEqual({ problem: "unreadable" });
    expect(await fetchImage({ fileRef: "y", fetch: async () => TINY_PNG })).toEqual({
      bytes: TINY_PNG,
      mime: "image/png",
    });
  });
});
