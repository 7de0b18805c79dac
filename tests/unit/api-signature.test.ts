/** The platform's request signature (issue 31), against a value computed outside this code (Python's hmac). */
import { describe, expect, it } from "vitest";
import { sign, signatureMatches, signingString } from "@/lib/api/signature";

const path = "/return_refund/202309/cancellations/search";
const query = new URLSearchParams({ app_key: "key1", timestamp: "1700000000", shop_cipher: "ROW_abc", page_size: "10", sign: "ignored", access_token: "ignored" });
const body = '{"order_ids":["1"]}';

describe("the request signature", () => {
  it("is the hex HMAC-SHA256 of secret + path + sorted name-value pairs + body + secret, without sign and access_token", () => {
    expect(signingString("s3cr3t", path, query, body)).toBe('s3cr3t/return_refund/202309/cancellations/searchapp_keykey1page_size10shop_cipherROW_abctimestamp1700000000{"order_ids":["1"]}s3cr3t');
    expect(sign("s3cr3t", path, query, body)).toBe("e20f1b492542818f6e63f189474b30dddbe2f3714c44bed0b3a2034caf6bb713");
  });

  it("matches only the exact request: another secret, path, parameter or body fails, as does a malformed signature", () => {
    const good = sign("s3cr3t", path, query, body);
    expect(signatureMatches("s3cr3t", path, query, body, good)).toBe(true);
    expect(signatureMatches("other", path, query, body, good)).toBe(false);
    expect(signatureMatches("s3cr3t", "/return_refund/202309/returns/search", query, body, good)).toBe(false);
    expect(signatureMatches("s3cr3t", path, new URLSearchParams({ ...Object.fromEntries(query), page_size: "11" }), body, good)).toBe(false);
    expect(signatureMatches("s3cr3t", path, query, '{"order_ids":["2"]}', good)).toBe(false);
    expect(signatureMatches("s3cr3t", path, query, body, good.toUpperCase())).toBe(false);
    expect(signatureMatches("s3cr3t", path, query, body, "zz")).toBe(false);
  });
});
