// Which query values are credentials, wherever a URL turns up in a log line.
import { describe, expect, it } from "vitest";
import { redactUrl } from "../../bot/infra/redact-url.ts";

describe("redactUrl", () => {
  it.each([
    ["/metrics?token=abc", "/metrics?token=…"],
    ["/hook?secret_token=abc&x=1", "/hook?secret_token=…&x=1"],
    ["/a?access_token=abc", "/a?access_token=…"],
    ["/a?refresh_token=abc", "/a?refresh_token=…"],
    ["/a?secret=abc", "/a?secret=…"],
    ["/a?password=abc&passwd=def&pwd=ghi", "/a?password=…&passwd=…&pwd=…"],
    ["/a?signature=abc&sig=def", "/a?signature=…&sig=…"],
    ["/a?key=abc&api_key=def&apiKey=ghi&X-Api-Key=jkl", "/a?key=…&api_key=…&apiKey=…&X-Api-Key=…"],
    ["/a?client_secret=abc&private_key=def", "/a?client_secret=…&private_key=…"],
    ["/a?Token=abc", "/a?Token=…"],
    ["/a?%74oken=abc", "/a?%74oken=…"],
    ["/a;jsessionid=abc", "/a;jsessionid=…"],
  ])("hides the value in %s", (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  it("keeps everything that is not a credential", () => {
    for (const url of [
      "/admin/api/v1/orgs?orgId=5&page=2&pageSize=50&format=csv",
      "/admin/api/v1/reports/activities?from=2026-01-01&to=2026-12-31",
      "/search?keyword=团日&monkey=1",
      "/a?token=",
      "/plain/path",
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
  });

  it("finds URLs inside a message, and more than one", () => {
    expect(redactUrl("Route GET:/x?token=abc not found")).toBe("Route GET:/x?token=… not found");
    expect(redactUrl('fetch "https://api.example.org/v1?sig=s1&id=3" then /b?secret=s2')).toBe(
      'fetch "https://api.example.org/v1?sig=…&id=3" then /b?secret=…',
    );
  });
});
