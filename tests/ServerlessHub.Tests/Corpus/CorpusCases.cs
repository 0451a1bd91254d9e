using System.Globalization;
using System.Text;
using ServerlessHub.Inbound;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.Corpus;

/// <summary>What an answer to a corpus case must be.</summary>
public enum Expect
{
    /// <summary>4xx <c>application/problem+json</c> with a title or detail: the app's own refusal.</summary>
    Problem,

    /// <summary>Any 4xx: the server (Kestrel) refuses before the app sees the request (431, 414, a bad header).</summary>
    Refused,

    /// <summary>200 or a 4xx problem: a read at the calendar's edge may answer, but never fail or write.</summary>
    ReadOrProblem,
}

/// <summary>One bad request: the exact bytes to send and what must come back.</summary>
public sealed record CorpusCase(string Family, string Name, string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, string? ContentType, Expect Expect)
{
    public override string ToString() => $"[{Family}] {Name}: {Method} {(Target.Length > 120 ? Target[..120] + "…" : Target)}";
}

/// <summary>The keys the cases send, from the fixture.</summary>
public sealed record CorpusKeys(string Schools, string County, string Inbound, string Admin, string RevokedSchools, string RevokedAdmin);

/// <summary>
/// The bad-input corpus, built by family: each hostile id in each id-bearing route, each malformed body at each JSON
/// endpoint, each key variant at each endpoint, oversize headers and query strings, hub documents, callbacks, and
/// periods and dates at the calendar's edges. Nothing here may change stored data.
/// </summary>
public static class CorpusCases
{
    private const string Hub = CorpusFixture.Schools;
    private const string Week = $"/api/hubs/{Hub}/reports/weekly/periods/2026-W48";
    private const string ValidSubmit = """{"unitId":"moling","fields":{"progress":"进展","plan":"计划"}}""";

    /// <summary>Ids that break a key, a path, a header or a terminal, in every script.</summary>
    public static readonly IReadOnlyList<(string Name, string Escaped)> HostileIds =
    [
        ("slash", Escape("a/b")),
        ("backslash", Escape("a\\b")),
        ("hash", Escape("a#b")),
        ("question mark", Escape("a?b")),
        ("NUL", Escape("a\0b")),
        ("control chars", Escape("a\u0001\u001f\u007fb")),
        ("CR LF", Escape("a\r\nLocation: http://evil")),
        ("tab", Escape("a\tb")),
        ("500 chars", new string('x', 500)),
        ("2000 chars", new string('y', 2000)),
        ("dot dot", ".."),
        ("escaped dot dot", "%2E%2E"),
        ("dot", "%2E"),
        ("space", Escape(" ")),
        ("RTL override", Escape("\u202Eabc")),
        ("Arabic", Escape("مدرسة")),
        ("emoji", Escape("😀👨‍👩‍👧")),
        ("CJK", Escape("秣陵中心幼儿园")),
        ("zero width", Escape("mol\u200Bing")),
        ("BOM", Escape("\uFEFFmoling")),
        ("invalid UTF-8", "%C3%28%FF"),
        ("escaped percent", Escape("%00")),
        ("SQL", Escape("' OR '1'='1")),
        ("OData filter", Escape("x' or PartitionKey ne '")),
        ("markup", Escape("<script>alert(1)</script>")),
        ("JNDI", Escape("${jndi:ldap://x/a}")),
    ];

    public static IReadOnlyList<CorpusCase> Build(CorpusKeys keys)
    {
        var cases = new List<CorpusCase>();
        HostileIdsInRoutes(cases, keys);
        MalformedBodies(cases, keys);
        KeyVariants(cases, keys);
        HeadersAndQueries(cases, keys);
        HubDocuments(cases, keys);
        Callbacks(cases);
        CalendarEdges(cases, keys);
        return cases;
    }

    private static void HostileIdsInRoutes(List<CorpusCase> cases, CorpusKeys keys)
    {
        var submit = Utf8(ValidSubmit);
        var revise = Utf8("""{"fields":{"progress":"改"}}""");
        var leave = Utf8("""{"unitId":"moling","firstDay":"2026-11-24","lastDay":"2026-11-25","reason":"病假"}""");
        var slots = new (string Name, string Method, Func<string, string> Target, byte[]? Body, string Key)[]
        {
            ("hub in list", "GET", id => $"/api/hubs/{id}/reports/weekly/periods/2026-W48/submissions", null, keys.Schools),
            ("report in status", "GET", id => $"/api/hubs/{Hub}/reports/{id}/periods/2026-W48/status", null, keys.Schools),
            ("period in status", "GET", id => $"/api/hubs/{Hub}/reports/weekly/periods/{id}/status", null, keys.Schools),
            ("period in digest", "GET", id => $"/api/hubs/{Hub}/reports/weekly/periods/{id}/digest", null, keys.Schools),
            ("period in reminders", "GET", id => $"/api/hubs/{Hub}/reports/weekly/periods/{id}/reminders", null, keys.Schools),
            ("period in export", "GET", id => $"/api/hubs/{Hub}/reports/weekly/export?period={id}", null, keys.Schools),
            ("period in submit", "POST", id => $"/api/hubs/{Hub}/reports/weekly/periods/{id}/submissions", submit, keys.Schools),
            ("period in urge", "POST", id => $"/api/hubs/{Hub}/reports/weekly/periods/{id}/urge", null, keys.Schools),
            ("submitter in get", "GET", id => $"{Week}/submissions/{id}", null, keys.Schools),
            ("submitter in revise", "PUT", id => $"{Week}/submissions/{id}", revise, keys.Schools),
            ("submitter in withdraw", "DELETE", id => $"{Week}/submissions/{id}", null, keys.Schools),
            ("hub in leave", "POST", id => $"/api/hubs/{id}/leave", leave, keys.Schools),
            ("leave id in cancel", "DELETE", id => $"/api/hubs/{Hub}/leave/{id}", null, keys.Schools),
            ("hub in manage", "GET", id => $"/api/manage/hubs/{id}", null, keys.Admin),
            ("key id in hub key revoke", "DELETE", id => $"/api/manage/hubs/{Hub}/keys/{id}", null, keys.Admin),
            ("key id in admin key revoke", "DELETE", id => $"/api/manage/admin-keys/{id}", null, keys.Admin),
            ("queue in poison", "GET", id => $"/api/manage/poison/{id}", null, keys.Admin),
        };
        foreach (var slot in slots)
        {
            foreach (var (name, escaped) in HostileIds)
            {
                // Kestrel refuses a decoded NUL in the path itself, and resolves . and .. segments before routing, so
                // a read may land on the list above it.
                var expect = escaped.Contains("%00", StringComparison.Ordinal) ? Expect.Refused
                    : name.StartsWith("dot", StringComparison.Ordinal) || name.EndsWith("dot dot", StringComparison.Ordinal) ? (slot.Method == "GET" ? Expect.ReadOrProblem : Expect.Problem)
                    : Expect.Problem;
                cases.Add(new CorpusCase("hostile id", $"{slot.Name}: {name}", slot.Method, slot.Target(escaped), [("x-functions-key", slot.Key)],
                    slot.Body, slot.Body is null ? null : "application/json", expect));
            }
        }

        // The same ids as values in bodies, where they name a unit, a person or a window.
        foreach (var (name, escaped) in HostileIds)
        {
            var id = JsonString(Uri.UnescapeDataString(escaped));
            cases.Add(Json("hostile id", $"unitId: {name}", "POST", $"{Week}/submissions", keys.Schools, $$$"""{"unitId":{{{id}}},"fields":{"progress":"x","plan":"y"}}"""));
            cases.Add(Json("hostile id", $"leave unitId: {name}", "POST", $"/api/hubs/{Hub}/leave", keys.Schools, $$$"""{"unitId":{{{id}}},"firstDay":"2026-11-24","lastDay":"2026-11-25"}"""));

            // A window id is the caller's to choose: those a table key or a URL path cannot carry are refused, the rest
            // (any script, quotes, markup) are accepted and read back in WriteThenRead.
            if (!Periods.PeriodKey.IsValid(Uri.UnescapeDataString(escaped)))
            {
                cases.Add(Json("hostile id", $"ad hoc window id: {name}", "POST", $"/api/hubs/{CorpusFixture.County}/reports/clue/periods", keys.County, $$$"""{"id":{{{id}}},"firstDay":"2026-11-24","lastDay":"2026-11-25"}"""));
            }
        }
    }

    private static void MalformedBodies(List<CorpusCase> cases, CorpusKeys keys)
    {
        var endpoints = new (string Name, string Method, string Target, string Key)[]
        {
            ("submit", "POST", $"{Week}/submissions", keys.Schools),
            ("revise", "PUT", $"{Week}/submissions/guli", keys.Schools),
            ("leave", "POST", $"/api/hubs/{Hub}/leave", keys.Schools),
            ("open window", "POST", $"/api/hubs/{CorpusFixture.County}/reports/clue/periods", keys.County),
            ("create hub key", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin),
            ("create admin key", "POST", "/api/manage/admin-keys", keys.Admin),
        };
        var bodies = new (string Name, byte[] Body, string ContentType)[]
        {
            ("empty", [], "application/json"),
            ("open brace", Utf8("{"), "application/json"),
            ("array", Utf8("[]"), "application/json"),
            ("null", Utf8("null"), "application/json"),
            ("number", Utf8("42"), "application/json"),
            ("string", Utf8("\"x\""), "application/json"),
            ("trailing garbage", Utf8("{} x"), "application/json"),
            ("two objects", Utf8("{}{}"), "application/json"),
            ("comment", Utf8("{/* c */}"), "application/json"),
            ("single quotes", Utf8("{'name':'x'}"), "application/json"),
            ("10,000 brackets", Utf8(new string('[', 10_000)), "application/json"),
            ("10,000 nested objects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), "application/json"),
            ("unknown property", Utf8("""{"zzz":1}"""), "application/json"),
            ("1e400", Utf8("""{"zzz":1e400}"""), "application/json"),
            ("over 256 KiB", Utf8("{\"name\":\"" + new string('x', 300 * 1024) + "\"}"), "application/json"),
            ("invalid UTF-8", [(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "application/json"),
            ("NUL bytes", [(byte)'{', 0, 0, (byte)'}'], "application/json"),
            ("lone surrogate escape", Utf8("""{"name":"\uD800"}"""), "application/json"),
            ("text/plain", Utf8("{}"), "text/plain"),
            ("form", Utf8("name=x"), "application/x-www-form-urlencoded"),
            ("xml", Utf8("<xml/>"), "application/xml"),
        };
        foreach (var endpoint in endpoints)
        {
            foreach (var body in bodies)
            {
                cases.Add(new CorpusCase("malformed body", $"{endpoint.Name}: {body.Name}", endpoint.Method, endpoint.Target, [("x-functions-key", endpoint.Key)], body.Body, body.ContentType, Expect.Problem));
            }
        }

        // Wrong types, duplicates and overflowing numbers in otherwise valid bodies, endpoint by endpoint.
        var typed = new (string Name, string Method, string Target, string Key, string Body)[]
        {
            ("submit: unitId number", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":1,"fields":{"progress":"x","plan":"y"}}"""),
            ("submit: fields array", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":["x"]}"""),
            ("submit: fields string", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":"x"}"""),
            ("submit: field object", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":{"a":1},"plan":"y"}}"""),
            ("submit: field array", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":["a"],"plan":"y"}}"""),
            ("submit: number 1e400", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y","sessions":1e400}}"""),
            ("submit: number -1e400", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y","sessions":-1e400}}"""),
            ("submit: number 1e308 as text", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y","sessions":"1e400"}}"""),
            ("submit: number NaN", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y","sessions":"NaN"}}"""),
            ("submit: number Infinity", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y","sessions":"Infinity"}}"""),
            ("submit: number boolean", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y","sessions":true}}"""),
            ("submit: unknown field", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y","nope":"z"}}"""),
            ("submit: required field empty", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"","plan":"y"}}"""),
            ("submit: duplicate unitId", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","unitId":"guli","fields":{"progress":"x","plan":"y"}}"""),
            ("submit: duplicate fields", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y"},"fields":{"progress":"x","plan":"y"}}"""),
            ("submit: duplicate field", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","progress":"z","plan":"y"}}"""),
            ("submit: both unitId and userId", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","userId":"x","fields":{"progress":"x","plan":"y"}}"""),
            ("submit: text over limit", "POST", $"{Week}/submissions", keys.Schools, "{\"unitId\":\"moling\",\"fields\":{\"progress\":\"" + new string('长', 60_000) + "\",\"plan\":\"y\"}}"),
            ("submit: many fields", "POST", $"{Week}/submissions", keys.Schools, "{\"unitId\":\"moling\",\"fields\":{" + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"f{i}\":1")) + "}}"),
            ("submit: NUL in submittedBy", "POST", $"{Week}/submissions", keys.Schools, """{"unitId":"moling","fields":{"progress":"x","plan":"y"},"submittedBy":"a\u0000b"}"""),
            ("submit: 2000-char submittedBy", "POST", $"{Week}/submissions", keys.Schools, "{\"unitId\":\"moling\",\"fields\":{\"progress\":\"x\",\"plan\":\"y\"},\"submittedBy\":\"" + new string('z', 2000) + "\"}"),
            ("submit: date field wrong", "POST", $"/api/hubs/{CorpusFixture.County}/reports/clue/periods/none/submissions", keys.County, """{"unitId":"wjj","fields":{"summary":"x","found-on":"2026-02-30","severity":"一般"}}"""),
            ("revise: fields null", "PUT", $"{Week}/submissions/guli", keys.Schools, """{"fields":null}"""),
            ("revise: clears required", "PUT", $"{Week}/submissions/guli", keys.Schools, """{"fields":{"progress":null}}"""),
            ("revise: number overflow", "PUT", $"{Week}/submissions/guli", keys.Schools, """{"fields":{"sessions":1e400}}"""),
            ("revise: NUL in revisedBy", "PUT", $"{Week}/submissions/guli", keys.Schools, """{"fields":{"progress":"a"},"revisedBy":"a\u0000b"}"""),
            ("revise: duplicate fields", "PUT", $"{Week}/submissions/guli", keys.Schools, """{"fields":{"progress":"a"},"fields":{"progress":"b"}}"""),
            ("leave: firstDay number", "POST", $"/api/hubs/{Hub}/leave", keys.Schools, """{"unitId":"moling","firstDay":20261124,"lastDay":"2026-11-25"}"""),
            ("leave: lastDay before firstDay", "POST", $"/api/hubs/{Hub}/leave", keys.Schools, """{"unitId":"moling","firstDay":"2026-11-25","lastDay":"2026-11-24"}"""),
            ("leave: no unit nor user", "POST", $"/api/hubs/{Hub}/leave", keys.Schools, """{"firstDay":"2026-11-24","lastDay":"2026-11-25"}"""),
            ("leave: duplicate unitId", "POST", $"/api/hubs/{Hub}/leave", keys.Schools, """{"unitId":"moling","unitId":"guli","firstDay":"2026-11-24","lastDay":"2026-11-25"}"""),
            ("leave: reason over limit", "POST", $"/api/hubs/{Hub}/leave", keys.Schools, "{\"unitId\":\"moling\",\"firstDay\":\"2026-11-24\",\"lastDay\":\"2026-11-25\",\"reason\":\"" + new string('因', 60_000) + "\"}"),
            ("hub key: expiresInDays 0", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresInDays":0}"""),
            ("hub key: expiresInDays overflow", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresInDays":99999999999}"""),
            ("hub key: expiresInDays 3651", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresInDays":3651}"""),
            ("hub key: expiresInDays fraction", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresInDays":1.5}"""),
            ("hub key: expiresAt year 9999", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresAt":"9999-12-31"}"""),
            ("hub key: expiresAt year 1", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresAt":"0001-01-01"}"""),
            ("hub key: expiresAt without offset", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresAt":"2027-06-30T18:00:00"}"""),
            ("hub key: expiresAt garbage", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresAt":"tomorrow"}"""),
            ("hub key: both expiries", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","expiresAt":"2027-06-30","expiresInDays":5}"""),
            ("hub key: name missing", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, "{}"),
            ("hub key: name NUL", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"a\u0000b"}"""),
            ("hub key: name 10,000 chars", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, "{\"name\":\"" + new string('n', 10_000) + "\"}"),
            ("hub key: duplicate name", "POST", $"/api/manage/hubs/{Hub}/keys", keys.Admin, """{"name":"x","name":"y","expiresInDays":0}"""),
            ("admin key: expiresInDays negative", "POST", "/api/manage/admin-keys", keys.Admin, """{"name":"x","expiresInDays":-1}"""),
            ("admin key: expiresAt past", "POST", "/api/manage/admin-keys", keys.Admin, """{"name":"x","expiresAt":"2020-01-01"}"""),
            ("poison: ids not array", "POST", "/api/manage/poison/inbound/replay", keys.Admin, """{"messageIds":"x"}"""),
            ("poison: unknown queue", "POST", "/api/manage/poison/nope/replay", keys.Admin, """{"messageIds":[]}"""),
            ("poison: 10,000 ids", "POST", "/api/manage/poison/inbound/replay", keys.Admin, "{\"messageIds\":[" + string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"\"{i}\"")) + "]}"),
            ("window: lastDay year 10000", "POST", $"/api/hubs/{CorpusFixture.County}/reports/clue/periods", keys.County, """{"id":"w1","firstDay":"2026-11-24","lastDay":"10000-01-01"}"""),
            ("window: days reversed", "POST", $"/api/hubs/{CorpusFixture.County}/reports/clue/periods", keys.County, """{"id":"w1","firstDay":"2026-11-25","lastDay":"2026-11-24"}"""),
            ("window: weekly kind", "POST", $"/api/hubs/{Hub}/reports/weekly/periods", keys.Schools, """{"id":"w1","firstDay":"2026-11-24","lastDay":"2026-11-25"}"""),
        };
        foreach (var (name, method, target, key, body) in typed)
        {
            cases.Add(Json("wrong value", name, method, target, key, body));
        }
    }

    private static void KeyVariants(List<CorpusCase> cases, CorpusKeys keys)
    {
        var hubRoutes = new (string Name, string Method, string Target, string? Body)[]
        {
            ("list", "GET", $"{Week}/submissions", null),
            ("get", "GET", $"{Week}/submissions/guli", null),
            ("submit", "POST", $"{Week}/submissions", ValidSubmit),
            ("revise", "PUT", $"{Week}/submissions/guli", """{"fields":{"progress":"改"}}"""),
            ("withdraw", "DELETE", $"{Week}/submissions/guli", null),
            ("status", "GET", $"{Week}/status", null),
            ("digest", "GET", $"{Week}/digest", null),
            ("reminders", "GET", $"{Week}/reminders", null),
            ("urge", "POST", $"{Week}/urge", null),
            ("leave", "POST", $"/api/hubs/{Hub}/leave", """{"unitId":"moling","firstDay":"2026-11-24","lastDay":"2026-11-25"}"""),
            ("leave list", "GET", $"/api/hubs/{Hub}/leave", null),
            ("export", "GET", $"/api/hubs/{Hub}/reports/weekly/export?period=2026-W48", null),
            ("hub export", "GET", $"/api/hubs/{Hub}/export?period=2026-W48", null),
            ("outbox", "GET", $"/api/hubs/{Hub}/outbox", null),
        };
        var hubKeyVariants = new (string Name, (string, string)[] Headers, string Query)[]
        {
            ("no key", [], ""),
            ("empty key", [("x-functions-key", "")], ""),
            ("wrong key", [("x-functions-key", "shk_jiangning-kindergartens_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")], ""),
            ("revoked key", [("x-functions-key", keys.RevokedSchools)], ""),
            ("revoked admin key", [("x-functions-key", keys.RevokedAdmin)], ""),
            ("other hub's key", [("x-functions-key", keys.County)], ""),
            ("other hub's key in code", [], "code=" + Escape(keys.County)),
            ("10 KB key", [("x-functions-key", new string('k', 10_000))], ""),
            ("key with control chars in code", [], "code=" + Escape("shk_\0\u0001")),
        };
        foreach (var route in hubRoutes)
        {
            foreach (var variant in hubKeyVariants)
            {
                var target = variant.Query.Length == 0 ? route.Target : route.Target + (route.Target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + variant.Query;
                cases.Add(new CorpusCase("key", $"{route.Name}: {variant.Name}", route.Method, target, variant.Headers, route.Body is null ? null : Utf8(route.Body), route.Body is null ? null : "application/json", Expect.Problem));
            }
        }

        var adminRoutes = new (string Name, string Method, string Target, string? Body)[]
        {
            ("apply hub", "PUT", $"/api/manage/hubs/{Hub}", "id: jiangning-kindergartens\n"),
            ("get hub", "GET", $"/api/manage/hubs/{Hub}", null),
            ("create hub key", "POST", $"/api/manage/hubs/{Hub}/keys", """{"name":"x"}"""),
            ("list hub keys", "GET", $"/api/manage/hubs/{Hub}/keys", null),
            ("revoke hub key", "DELETE", $"/api/manage/hubs/{Hub}/keys/000000000000", null),
            ("create admin key", "POST", "/api/manage/admin-keys", """{"name":"x"}"""),
            ("list admin keys", "GET", "/api/manage/admin-keys", null),
            ("poison list", "GET", "/api/manage/poison/inbound", null),
            ("poison replay", "POST", "/api/manage/poison/inbound/replay", "{}"),
        };
        var adminVariants = new (string Name, string? Key)[]
        {
            ("no key", null), ("wrong key", "shk_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), ("hub key", keys.Schools), ("revoked admin key", keys.RevokedAdmin),
        };
        foreach (var route in adminRoutes)
        {
            foreach (var (name, key) in adminVariants)
            {
                var contentType = route.Body is null ? null : route.Name == "apply hub" ? "application/yaml" : "application/json";
                cases.Add(new CorpusCase("key", $"{route.Name}: {name}", route.Method, route.Target, key is null ? [] : [("x-functions-key", key)], route.Body is null ? null : Utf8(route.Body), contentType, Expect.Problem));
            }
        }
    }

    private static void HeadersAndQueries(List<CorpusCase> cases, CorpusKeys keys)
    {
        (string, string) key = ("x-functions-key", keys.Schools);
        cases.Add(new CorpusCase("header", "64 KiB header", "GET", $"{Week}/submissions", [key, ("x-big", new string('h', 64 * 1024))], null, null, Expect.Refused));
        cases.Add(new CorpusCase("header", "200 headers of 1 KiB", "GET", $"{Week}/submissions", [key, .. Enumerable.Range(0, 200).Select(i => ($"x-h{i}", new string('h', 1024)))], null, null, Expect.Refused));
        cases.Add(new CorpusCase("header", "NUL in header", "GET", $"{Week}/submissions", [key, ("x-bad", "a\0b")], null, null, Expect.Refused));
        cases.Add(new CorpusCase("header", "100 KB query", "GET", $"{Week}/submissions?q={new string('q', 100_000)}", [key], null, null, Expect.Refused));
        cases.Add(new CorpusCase("header", "100 KB path", "GET", $"{Week}/submissions/{new string('p', 100_000)}", [key], null, null, Expect.Refused));
        cases.Add(new CorpusCase("header", "100 KB callback query", "POST", $"/api/wecom/{InboundHarness.HubId}/callback?nonce={new string('n', 100_000)}", [], Utf8("<xml/>"), "text/xml", Expect.Refused));
        var post = Utf8(ValidSubmit);
        cases.Add(new CorpusCase("header", "idempotency key 10 KB", "POST", $"{Week}/submissions", [key, ("Idempotency-Key", new string('i', 10_000))], post, "application/json", Expect.Problem));
        cases.Add(new CorpusCase("header", "idempotency key empty", "POST", $"{Week}/submissions", [key, ("Idempotency-Key", "")], post, "application/json", Expect.Problem));
        cases.Add(new CorpusCase("header", "idempotency key control chars", "POST", $"{Week}/submissions", [key, ("Idempotency-Key", "a\u0001b")], post, "application/json", Expect.Problem));
        cases.Add(new CorpusCase("header", "idempotency key with table key chars", "POST", $"{Week}/submissions", [key, ("Idempotency-Key", "a/b\\c#d?e")], Utf8("""{"unitId":"moling","fields":{"progress":"x"}}"""), "application/json", Expect.Problem));
        var revise = Utf8("""{"fields":{"progress":"改"}}""");
        foreach (var (name, value) in new[] { ("garbage", "garbage"), ("empty", ""), ("weak", "W/\"1\""), ("unquoted number", "1"), ("10 KB", new string('"', 10_000)), ("list", "\"a\", \"b\"") })
        {
            cases.Add(new CorpusCase("header", $"If-Match {name}", "PUT", $"{Week}/submissions/guli", [key, ("If-Match", value)], revise, "application/json", Expect.Problem));
        }

        foreach (var (name, value) in new[] { ("garbage", "zz;q=abc,,,;"), ("10 KB", string.Join(',', Enumerable.Repeat("en;q=0.5", 1200))), ("q overflow", "en;q=1e400") })
        {
            cases.Add(new CorpusCase("header", $"Accept-Language {name}", "GET", $"{Week}/submissions/nobody", [key, ("Accept-Language", value)], null, null, Expect.Problem));
        }

        cases.Add(new CorpusCase("header", "content type with bad charset", "POST", $"{Week}/submissions", [key], Utf8("""{"unitId":"moling","fields":{"progress":"x"}}"""), "application/json; charset=utf-7", Expect.Problem));
        cases.Add(new CorpusCase("header", "content type garbage", "POST", $"{Week}/submissions", [key], post, ";;;/", Expect.Problem));
        foreach (var (name, query) in new[]
        {
            ("export format unknown", "period=2026-W48&format=pdf"),
            ("export both period and range", "period=2026-W48&from=2026-11-01&to=2026-11-30"),
            ("export range over 366 days", "from=2020-01-01&to=2026-11-30"),
            ("export range year 1 to 9999", "from=0001-01-01&to=9999-12-31"),
            ("export range reversed", "from=2026-11-30&to=2026-11-01"),
            ("export from garbage", "from=x&to=2026-11-30"),
            ("export to 10000", "from=2026-11-01&to=10000-01-01"),
            ("export duplicate period", "period=2026-W48&period=2026-W47"),
            ("export duplicate format", "period=2026-W48&format=csv&format=xlsx"),
            ("export nothing", ""),
        })
        {
            cases.Add(new CorpusCase("query", name, "GET", $"/api/hubs/{Hub}/reports/weekly/export?{query}", [key], null, null, Expect.Problem));
            cases.Add(new CorpusCase("query", $"hub {name}", "GET", $"/api/hubs/{Hub}/export?{query}", [key], null, null, Expect.Problem));
        }

        foreach (var (name, target) in new[]
        {
            ("poison max 0", "/api/manage/poison/inbound?max=0"), ("poison max overflow", "/api/manage/poison/inbound?max=99999999999999999999"),
            ("poison max negative", "/api/manage/poison/inbound?max=-1"), ("poison max text", "/api/manage/poison/inbound?max=abc"),
            ("hub version overflow", $"/api/manage/hubs/{Hub}?version=99999999999999999999"), ("hub version 0", $"/api/manage/hubs/{Hub}?version=0"),
            ("hub version text", $"/api/manage/hubs/{Hub}?version=latest"), ("hub version missing", $"/api/manage/hubs/{Hub}?version=999"),
        })
        {
            cases.Add(new CorpusCase("query", name, "GET", target, [("x-functions-key", keys.Admin)], null, null, Expect.Problem));
        }

        cases.Add(new CorpusCase("query", "withdraw by control char", "DELETE", $"{Week}/submissions/guli?by=a%01b", [key], null, null, Expect.Problem));
        cases.Add(new CorpusCase("query", "digest unknown", "GET", $"{Week}/digest?digest=nope", [key], null, null, Expect.Problem));
        cases.Add(new CorpusCase("query", "digest hostile", "GET", $"{Week}/digest?digest={Escape("a/b#\0")}", [key], null, null, Expect.Problem));
        cases.Add(new CorpusCase("query", "urge by 10 KB", "POST", $"/api/hubs/{Hub}/reports/weekly/periods/2026-W00/urge?by={new string('b', 6_000)}", [key], null, null, Expect.Problem));
    }

    private static void HubDocuments(List<CorpusCase> cases, CorpusKeys keys)
    {
        const string Target = "/api/manage/hubs/corpus-new";
        var valid = "id: corpus-new\nname: 新\nunits:\n  - { id: a, name: 甲 }\nreports:\n  - id: weekly\n    title: 周报\n    cadence: weekly\n    due: { from: start, days: 4, time: \"17:00\" }\n    fields:\n      - { id: progress, label: 进展, type: text, required: true }\n";
        var laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + string.Concat(Enumerable.Range(1, 9).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)}]\n"));
        var documents = new (string Name, byte[] Body, string ContentType)[]
        {
            ("billion laughs", Utf8(laughs), "application/yaml"),
            ("alias in a document", Utf8(valid + "x: &x 1\ny: *x\n"), "application/yaml"),
            ("alias for the name", Utf8("id: corpus-new\nname: &n 新\nunits:\n  - { id: a, name: *n }\n"), "application/yaml"),
            ("recursive alias", Utf8("a: &a [*a]\n"), "application/yaml"),
            ("python tag", Utf8("id: !!python/object/apply:os.system [\"ls\"]\n"), "application/yaml"),
            ("custom tag", Utf8(valid.Replace("name: 新", "name: !secret 新", StringComparison.Ordinal)), "application/yaml"),
            ("duplicate key", Utf8(valid + "id: other\n"), "application/yaml"),
            ("id differs from route", Utf8(valid.Replace("id: corpus-new", "id: someone-else", StringComparison.Ordinal)), "application/yaml"),
            ("tabs", Utf8("id:\tcorpus-new\n\tname: x\n"), "application/yaml"),
            ("unterminated flow", Utf8("id: [corpus-new\n"), "application/yaml"),
            ("10,000 nested flow", Utf8("id: " + new string('[', 10_000)), "application/yaml"),
            ("10,000 nested blocks", Utf8(string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i) + "a:\n"))), "application/yaml"),
            ("empty", [], "application/yaml"),
            ("only comment", Utf8("# nothing\n"), "application/yaml"),
            ("scalar", Utf8("hello"), "application/yaml"),
            ("list", Utf8("- a\n- b\n"), "application/yaml"),
            ("NUL", Utf8(valid + "\0"), "application/yaml"),
            ("invalid UTF-8", [.. Utf8("id: corpus-new\nname: "), 0xC3, 0x28, 0xFF, (byte)'\n'], "application/yaml"),
            ("UTF-16", Encoding.Unicode.GetBytes(valid), "application/yaml"),
            ("over 256 KiB", Utf8(valid + "# " + new string('x', 300 * 1024) + "\n"), "application/yaml"),
            ("unit id slash", Utf8(valid.Replace("id: a,", "id: \"a/b\",", StringComparison.Ordinal)), "application/yaml"),
            ("unit id hash", Utf8(valid.Replace("id: a,", "id: \"a#b\",", StringComparison.Ordinal)), "application/yaml"),
            ("unit id backslash", Utf8(valid.Replace("id: a,", "id: \"a\\\\b\",", StringComparison.Ordinal)), "application/yaml"),
            ("unit id question mark", Utf8(valid.Replace("id: a,", "id: \"a?b\",", StringComparison.Ordinal)), "application/yaml"),
            ("unit id control char", Utf8(valid.Replace("id: a,", "id: \"a\\u0001b\",", StringComparison.Ordinal)), "application/yaml"),
            ("unit id 500 chars", Utf8(valid.Replace("id: a,", $"id: {new string('a', 500)},", StringComparison.Ordinal)), "application/yaml"),
            ("report id slash", Utf8(valid.Replace("id: weekly", "id: \"we/ek\"", StringComparison.Ordinal)), "application/yaml"),
            ("field id hash", Utf8(valid.Replace("id: progress", "id: \"pro#gress\"", StringComparison.Ordinal)), "application/yaml"),
            ("due day overflow", Utf8(valid.Replace("days: 4", "days: 99999999999999999999", StringComparison.Ordinal)), "application/yaml"),
            ("due time 25:00", Utf8(valid.Replace("\"17:00\"", "\"25:00\"", StringComparison.Ordinal)), "application/yaml"),
            ("due days negative", Utf8(valid.Replace("days: 4", "days: -400000", StringComparison.Ordinal)), "application/yaml"),
            ("time zone unknown", Utf8(valid + "timeZone: Mars/Olympus\n"), "application/yaml"),
            ("time zone path", Utf8(valid + "timeZone: ../../etc/passwd\n"), "application/yaml"),
            ("duplicate unit ids", Utf8(valid.Replace("  - { id: a, name: 甲 }\n", "  - { id: a, name: 甲 }\n  - { id: a, name: 乙 }\n", StringComparison.Ordinal)), "application/yaml"),
            ("JSON malformed", Utf8("{\"id\":\"corpus-new\""), "application/json"),
            ("JSON deep", Utf8(new string('[', 10_000)), "application/json"),
            ("JSON duplicate id", Utf8("{\"id\":\"corpus-new\",\"id\":\"x\",\"name\":\"n\"}"), "application/json"),
            ("JSON number overflow", Utf8("{\"id\":\"corpus-new\",\"name\":\"n\",\"units\":[{\"id\":\"a\",\"name\":\"甲\"}],\"reports\":[{\"id\":\"w\",\"title\":\"周\",\"cadence\":\"weekly\",\"due\":{\"from\":\"start\",\"days\":1e400,\"time\":\"17:00\"},\"fields\":[{\"id\":\"p\",\"label\":\"p\",\"type\":\"text\"}]}]}"), "application/json"),
            ("XML", Utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><hub>&e;</hub>"), "application/xml"),
        };
        foreach (var (name, body, contentType) in documents)
        {
            cases.Add(new CorpusCase("hub apply", name, "PUT", Target, [("x-functions-key", keys.Admin)], body, contentType, Expect.Problem));
        }
    }

    private static void Callbacks(List<CorpusCase> cases)
    {
        var app = new WeComCallbackCrypto(InboundHarness.Token, InboundHarness.AesKey, InboundHarness.CorpId);
        var bot = new WeComCallbackCrypto(InboundHarness.BotToken, InboundHarness.BotAesKey, "");
        var appPath = $"/api/wecom/{InboundHarness.HubId}/callback";
        var botPath = $"/api/wecom/{InboundHarness.HubId}/bot";
        var now = HubApiFixture.MondayMorning.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = $"<xml><ToUserName><![CDATA[{InboundHarness.CorpId}]]></ToUserName><FromUserName><![CDATA[zhangwei]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[周报]]></Content><MsgId>1</MsgId><AgentID>{InboundHarness.AgentId}</AgentID></xml>";
        var encrypted = app.Encrypt(message);
        var botEncrypted = bot.Encrypt("""{"msgid":"1","aibotid":"aibInboundTest","chattype":"single","from":{"userid":"zhangwei"},"msgtype":"text","text":{"content":"周报"}}""");
        string AppEnvelope(string e) => $"<xml><ToUserName><![CDATA[{InboundHarness.CorpId}]]></ToUserName><Encrypt><![CDATA[{e}]]></Encrypt><AgentID>{InboundHarness.AgentId}</AgentID></xml>";
        string Signed(WeComCallbackCrypto crypto, string timestamp, string e) => $"msg_signature={crypto.ComputeSignature(timestamp, "4242", e)}&timestamp={Escape(timestamp)}&nonce=4242";
        void App(string name, string query, byte[] body, string contentType = "text/xml") =>
            cases.Add(new CorpusCase("callback", $"app: {name}", "POST", $"{appPath}?{query}", [], body, contentType, Expect.Problem));
        void Bot(string name, string query, byte[] body, string contentType = "application/json") =>
            cases.Add(new CorpusCase("callback", $"bot: {name}", "POST", $"{botPath}?{query}", [], body, contentType, Expect.Problem));

        var signedNow = Signed(app, now, encrypted);
        App("XXE", signedNow, Utf8("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Encrypt>&xxe;</Encrypt></xml>"""));
        App("billion laughs", signedNow, Utf8("""<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><Encrypt>&c;</Encrypt></xml>"""));
        App("external DTD", signedNow, Utf8("""<?xml version="1.0"?><!DOCTYPE xml SYSTEM "http://127.0.0.1:1/x.dtd"><xml><Encrypt>x</Encrypt></xml>"""));
        App("parameter entity", signedNow, Utf8("""<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><xml/>"""));
        App("XInclude", signedNow, Utf8("""<xml xmlns:xi="http://www.w3.org/2001/XInclude"><Encrypt><xi:include href="file:///etc/passwd" parse="text"/></Encrypt></xml>"""));
        App("invalid UTF-8", signedNow, [.. Utf8("<xml><Encrypt>"), 0xC3, 0x28, 0xFF, .. Utf8("</Encrypt></xml>")]);
        App("UTF-16 declared", signedNow, Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?>" + AppEnvelope(encrypted)));
        App("NUL bytes", signedNow, [.. Utf8("<xml><Encrypt>"), 0, 0, .. Utf8("</Encrypt></xml>")]);
        App("two Encrypt", signedNow, Utf8($"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt><Encrypt>x</Encrypt></xml>"));
        App("nested Encrypt", signedNow, Utf8($"<xml><Encrypt><a>{encrypted}</a></Encrypt></xml>"));
        App("no Encrypt", signedNow, Utf8("<xml><ToUserName>x</ToUserName></xml>"));
        App("two roots", signedNow, Utf8(AppEnvelope(encrypted) + "<xml/>"));
        App("10,000 nested elements", signedNow, Utf8("<xml>" + string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</xml>"));
        App("over 64 KiB", signedNow, Utf8(AppEnvelope(new string('A', 70 * 1024))));
        App("JSON", signedNow, Utf8($"{{\"encrypt\":\"{encrypted}\"}}"), "application/json");
        App("no content type", signedNow, Utf8(AppEnvelope(encrypted)), "");
        App("ciphertext not Base64", Signed(app, now, "!!!"), Utf8(AppEnvelope("!!!")));
        App("ciphertext of other corp", Signed(app, now, new WeComCallbackCrypto(InboundHarness.Token, InboundHarness.AesKey, "wwother").Encrypt(message)), Utf8(AppEnvelope(new WeComCallbackCrypto(InboundHarness.Token, InboundHarness.AesKey, "wwother").Encrypt(message))));
        App("no query", "", Utf8(AppEnvelope(encrypted)));
        App("signature of other token", $"msg_signature={new WeComCallbackCrypto("OtherToken", InboundHarness.AesKey, InboundHarness.CorpId).ComputeSignature(now, "4242", encrypted)}&timestamp={now}&nonce=4242", Utf8(AppEnvelope(encrypted)));
        App("signature 6 KB", $"msg_signature={new string('0', 6_000)}&timestamp={now}&nonce=4242", Utf8(AppEnvelope(encrypted)));
        App("repeated signature", $"{signedNow}&msg_signature=0", Utf8(AppEnvelope(encrypted)));
        App("repeated timestamp", $"{signedNow}&timestamp=1", Utf8(AppEnvelope(encrypted)));

        // The replay window must hold for every timestamp a sender can sign, not only for those that parse.
        foreach (var timestamp in new[] { "abc", "-1", "99999999999999999999", "1e10", "", " " + now, now + " ", "+" + now, "0x1", "1.5", "٣٣٣", "99999999999", "0", "１７００" })
        {
            App($"signed timestamp '{timestamp}'", Signed(app, timestamp, encrypted), Utf8(AppEnvelope(encrypted)));
            Bot($"signed timestamp '{timestamp}'", Signed(bot, timestamp, botEncrypted), Utf8($"{{\"encrypt\":\"{botEncrypted}\"}}"));
            var verify = SignedEcho(app, timestamp, out var echo);
            cases.Add(new CorpusCase("callback", $"app verify: signed timestamp '{timestamp}'", "GET", $"{appPath}?{verify}&echostr={Escape(echo)}",
                [], null, null, Expect.Problem));
        }

        var botSigned = Signed(bot, now, botEncrypted);
        Bot("XML", botSigned, Utf8(AppEnvelope(botEncrypted)), "text/xml");
        Bot("array", botSigned, Utf8("[]"));
        Bot("deep", botSigned, Utf8(new string('[', 10_000)));
        Bot("duplicate encrypt", botSigned, Utf8($"{{\"encrypt\":\"{botEncrypted}\",\"encrypt\":\"{botEncrypted}\"}}"));
        Bot("encrypt number", botSigned, Utf8("{\"encrypt\":1}"));
        Bot("invalid UTF-8", botSigned, [.. Utf8("{\"encrypt\":\""), 0xC3, 0x28, .. Utf8("\"}")]);
        Bot("trailing garbage", botSigned, Utf8($"{{\"encrypt\":\"{botEncrypted}\"}} x"));
        Bot("empty", botSigned, []);
        Bot("NUL", botSigned, [0]);
        Bot("over 64 KiB", botSigned, Utf8($"{{\"encrypt\":\"{new string('A', 70 * 1024)}\"}}"));
        Bot("app ciphertext", Signed(bot, now, encrypted), Utf8($"{{\"encrypt\":\"{encrypted}\"}}"));

        foreach (var (name, path) in new[] { ("unknown hub", "/api/wecom/no-such-hub/callback"), ("hub without callbacks", $"/api/wecom/{CorpusFixture.County}/bot"), ("hostile hub", $"/api/wecom/{Escape("a/b#?")}/callback") })
        {
            cases.Add(new CorpusCase("callback", name, "POST", $"{path}?{signedNow}", [], Utf8(AppEnvelope(encrypted)), path.EndsWith("bot", StringComparison.Ordinal) ? "application/json" : "text/xml", Expect.Problem));
        }

        foreach (var (name, query) in new[] { ("verify without echostr", signedNow), ("verify echostr garbage", $"{signedNow}&echostr=%00%FF"), ("verify no query", "") })
        {
            cases.Add(new CorpusCase("callback", name, "GET", $"{appPath}?{query}", [], null, null, Expect.Problem));
        }
    }

    private static string SignedEcho(WeComCallbackCrypto crypto, string timestamp, out string echo)
    {
        echo = crypto.Encrypt("echo");
        return $"msg_signature={crypto.ComputeSignature(timestamp, "4242", echo)}&timestamp={Escape(timestamp)}&nonce=4242";
    }

    private static void CalendarEdges(List<CorpusCase> cases, CorpusKeys keys)
    {
        (string, string) key = ("x-functions-key", keys.Schools);
        string Report(string report, string period) => $"/api/hubs/{Hub}/reports/{report}/periods/{period}";
        var weekly = new[] { "2026-W00", "2026-W54", "2026-W53", "0001-W01", "0000-W01", "9999-W52", "9999-W53", "10000-W01", "-2026-W01", "2026-W1", "2026-w48", "2026-W048", "99999999999999999999-W01" };
        var monthly = new[] { "9999-12", "10000-01", "0001-01", "0000-12", "2026-13", "2026-00", "2026-1", "-0001-01", "2026-12-01", "99999999999999999999-01" };
        foreach (var (report, periods, body) in new[] { ("weekly", weekly, ValidSubmit), ("monthly", monthly, """{"unitId":"moling","fields":{"progress":"x","plan":"y"}}""") })
        {
            foreach (var period in periods)
            {
                cases.Add(new CorpusCase("calendar", $"{report} submit {period}", "POST", $"{Report(report, period)}/submissions", [key], Utf8(body), "application/json", Expect.Problem));

                // Urging a period nobody owes yet answers "nothing-owed" and writes nothing, which the snapshot checks.
                cases.Add(new CorpusCase("calendar", $"{report} urge {period}", "POST", $"{Report(report, period)}/urge", [key], null, null, Expect.ReadOrProblem));
                foreach (var read in new[] { "status", "digest", "reminders", "submissions" })
                {
                    cases.Add(new CorpusCase("calendar", $"{report} {read} {period}", "GET", $"{Report(report, period)}/{read}", [key], null, null, Expect.ReadOrProblem));
                }

                cases.Add(new CorpusCase("calendar", $"{report} export {period}", "GET", $"/api/hubs/{Hub}/reports/{report}/export?period={period}", [key], null, null, Expect.ReadOrProblem));
            }
        }

        foreach (var (first, last) in new[] { ("0001-01-01", "0001-01-02"), ("9999-12-30", "9999-12-31"), ("2026-02-30", "2026-03-01"), ("2026-11-24", "9999-12-31"), ("0001-01-01", "9999-12-31"), ("10000-01-01", "10000-01-02"), ("2026-11-24T00:00:00", "2026-11-25"), ("-0001-01-01", "2026-11-25"), ("2026-11-24", "") })
        {
            cases.Add(Json("calendar", $"leave {first} to {last}", "POST", $"/api/hubs/{Hub}/leave", keys.Schools, $$$"""{"unitId":"moling","firstDay":"{{{first}}}","lastDay":"{{{last}}}","reason":"假"}"""));
            cases.Add(Json("calendar", $"window {first} to {last}", "POST", $"/api/hubs/{CorpusFixture.County}/reports/clue/periods", keys.County, $$$"""{"id":"edge","firstDay":"{{{first}}}","lastDay":"{{{last}}}"}"""));
        }

        foreach (var (from, to) in new[] { ("0001-01-01", "0001-01-31"), ("9999-12-01", "9999-12-31"), ("2026-02-30", "2026-03-01") })
        {
            cases.Add(new CorpusCase("calendar", $"export {from} to {to}", "GET", $"/api/hubs/{Hub}/reports/weekly/export?from={from}&to={to}", [key], null, null, Expect.ReadOrProblem));
            cases.Add(new CorpusCase("calendar", $"hub export {from} to {to}", "GET", $"/api/hubs/{Hub}/export?from={from}&to={to}&format=xlsx", [key], null, null, Expect.ReadOrProblem));
        }
    }

    private static CorpusCase Json(string family, string name, string method, string target, string key, string body) =>
        new(family, name, method, target, [("x-functions-key", key)], Utf8(body), "application/json", Expect.Problem);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private static string JsonString(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
