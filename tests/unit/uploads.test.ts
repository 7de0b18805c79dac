import { inEnglish } from "../support/order-state";
import sharp from "sharp";
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
    expect(inEnglish(await checkUploads([file(Buffer.from("not an image at all"), "receipt.png")]))).toEqual({ ok: false, message: "receipt.png is not a PNG, JPEG or WebP image." });
  });

  it("refuses a photo over 5 MB", async () => {
    const big = Buffer.concat([solidPng([0, 0, 0]), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(inEnglish(await checkUploads([file(big, "big.png")]))).toEqual({ ok: false, message: "big.png is larger than 5 MB. Choose a smaller photo." });
  });

  it("refuses a seventh photo, and accepts six", async () => {
    const photo = (i: number) => file(solidPng([i * 30, 0, 0]), `p${i}.png`);
    expect(inEnglish(await checkUploads(Array.from({ length: 7 }, (_, i) => photo(i))))).toEqual({ ok: false, message: "Attach at most 6 photos (you chose 7)." });
    const six = await checkUploads(Array.from({ length: 6 }, (_, i) => photo(i)));
    expect(six.ok && six.uploads.map((u) => u.contentType)).toEqual(Array(6).fill("image/png"));
  });

  it("one bad file refuses the whole submission", async () => {
    const result = await checkUploads([file(solidPng([1, 2, 3]), "good.png"), file(Buffer.from("nope"), "bad.jpg", "image/jpeg")]);
    expect(inEnglish(result)).toEqual({ ok: false, message: "bad.jpg is not a PNG, JPEG or WebP image." });
  });

  // Issue 15, finding 5: the first bytes are not enough; the whole file must be an image.
  it("refuses a PNG header followed by a web page and a script", async () => {
    const disguised = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("<html><script>alert(document.cookie)</script></html>")]);
    expect(inEnglish(await checkUploads([file(disguised, "photo.png")]))).toEqual({ ok: false, message: "photo.png is damaged or not really a PNG image. Choose another photo." });
  });

  it("stores the image alone: a script appended after a real PNG is not kept", async () => {
    const smuggled = Buffer.concat([solidPng([10, 200, 10], 16), Buffer.from("<script>alert(1)</script>")]);
    const result = await checkUploads([file(smuggled, "photo.png")]);
    expect(result.ok).toBe(true);
    const stored = result.ok ? result.uploads[0]!.bytes : Buffer.alloc(0);
    expect(stored.includes("<script>")).toBe(false);
    expect(await sharp(stored).metadata()).toMatchObject({ format: "png", width: 16, height: 16 });
  });

  it("drops a photo's metadata, such as where it was taken", async () => {
    const located = await sharp({ create: { width: 32, height: 24, channels: 3, background: "#c33" } })
      .jpeg()
      .withExif({ IFD0: { Make: "PhoneCo", Copyright: "Ava" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } })
      .toBuffer();
    expect((await sharp(located).metadata()).exif).toBeDefined();
    const result = await checkUploads([file(located, "doorstep.jpg", "image/jpeg")]);
    const stored = result.ok ? result.uploads[0]! : null;
    expect(stored?.contentType).toBe("image/jpeg");
    const metadata = await sharp(stored!.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(stored!.bytes.includes("PhoneCo")).toBe(false);
    expect(metadata).toMatchObject({ width: 32, height: 24 });
  });

  it("the upload corpus: every disguised, broken or hostile file is refused; a real photo that carries extras is kept as the image alone", async () => {
    const png = solidPng([90, 90, 200], 16);
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123" } }).jpeg().toBuffer();
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#321" } }).webp().toBuffer();
    const refused: [string, Buffer][] = [
      ["empty.png", Buffer.alloc(0)],
      ["header-only.png", png.subarray(0, 8)],
      ["truncated.png", png.subarray(0, png.length - 20)],
      ["truncated.jpg", jpeg.subarray(0, 40)],
      ["truncated.webp", webp.subarray(0, 20)],
      ["page.png", Buffer.concat([png.subarray(0, 8), Buffer.from("<!doctype html><script>fetch('/')</script>")])],
      ["page.jpg", Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><body onload=alert(1)>")])],
      ["riff.webp", Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 <svg onload=alert(1)>", "latin1")],
      ["drawing.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ["drawing.png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ["photo.gif", Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1")],
      ["scan.pdf", Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj")],
      ["archive.zip", Buffer.from("PK\x03\x04\x14\x00\x00\x00", "latin1")],
      ["program.exe", Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1")],
      ["noise.jpg", Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2048, 0x41)])],
      ["zeros.png", Buffer.concat([png.subarray(0, 16), Buffer.alloc(4096)])],
    ];
    for (const [name, bytes] of refused) {
      const result = await checkUploads([file(bytes, name)]);
      expect(result.ok, name).toBe(false);
    }
    const kept: [string, Buffer][] = [
      ["trailing-script.png", Buffer.concat([png, Buffer.from("<script>alert(1)</script>")])],
      ["trailing-zip.jpg", Buffer.concat([jpeg, Buffer.from("PK\x03\x04 polyglot", "latin1")])],
      ["plain.webp", webp],
    ];
    for (const [name, bytes] of kept) {
      const result = await checkUploads([file(bytes, name)]);
      expect(result.ok, name).toBe(true);
      const stored = result.ok ? result.uploads[0]!.bytes : Buffer.alloc(0);
      expect(stored.includes("<script>") || stored.includes("PK\x03\x04"), name).toBe(false);
    }
    console.log(`upload corpus: ${refused.length} hostile files refused, ${kept.length} real images kept as the image alone`);
  });
});
