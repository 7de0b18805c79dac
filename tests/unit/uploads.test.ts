import { describe, expect, it } from "vitest";
import { solidPng } from "@/lib/server/demo/png";
import { MAX_UPLOAD_BYTES, checkUploads, sniffImageType } from "@/lib/server/evidence/uploads";

const file = (bytes: Uint8Array, name: string, type = "image/png") => new File([new Uint8Array(bytes)], name, { type });

describe("evidence uploads are recognised by their bytes", () => {
  it("knows PNG, JPEG and WebP by their signatures", () => {
    expect(sniffImageType(solidPng([200, 30, 30]))).toBe("image/png");
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe("image/jpeg");
    expect(sniffImageType(Buffer.from("RIFF\x00\x00\x00\x00WEBPVP8 ", "latin1"))).toBe("image/webp");
    expect(sniffImageType(Buffer.from("hello, I am text"))).toBeNull();
  });

  it("refuses a text file renamed .png, whatever its claimed type", async () => {
    expect(await checkUploads([file(Buffer.from("not an image at all"), "receipt.png")])).toEqual({ ok: false, message: "receipt.png is not a PNG, JPEG or WebP image." });
  });

  it("refuses a photo over 5 MB", async () => {
    const big = Buffer.concat([solidPng([0, 0, 0]), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(await checkUploads([file(big, "big.png")])).toEqual({ ok: false, message: "big.png is larger than 5 MB. Choose a smaller photo." });
  });

  it("refuses a seventh photo, and accepts six", async () => {
    const photo = (i: number) => file(solidPng([i * 30, 0, 0]), `p${i}.png`);
    expect(await checkUploads(Array.from({ length: 7 }, (_, i) => photo(i)))).toEqual({ ok: false, message: "Attach at most 6 photos (you chose 7)." });
    const six = await checkUploads(Array.from({ length: 6 }, (_, i) => photo(i)));
    expect(six.ok && six.uploads.map((u) => u.contentType)).toEqual(Array(6).fill("image/png"));
  });

  it("one bad file refuses the whole submission", async () => {
    const result = await checkUploads([file(solidPng([1, 2, 3]), "good.png"), file(Buffer.from("nope"), "bad.jpg", "image/jpeg")]);
    expect(result).toEqual({ ok: false, message: "bad.jpg is not a PNG, JPEG or WebP image." });
  });
});
