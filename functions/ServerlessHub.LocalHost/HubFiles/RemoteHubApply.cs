using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ServerlessHub.Access;
using ServerlessHub.Hubs;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.LocalHost.HubFiles;

/// <summary>
/// Applies hub definitions to a deployed app through its admin API, <c>PUT /{routePrefix}/manage/hubs/{hubId}</c>
/// with an admin key in <c>x-functions-key</c>, and reads its answer back into the lines a local apply prints.
/// </summary>
internal sealed class RemoteHubApply
{
    private readonly HttpClient _http;
    private readonly Uri _manageHubs;
    private readonly string _adminKey;
    private readonly bool _english;

    /// <param name="http">Sends the requests.</param>
    /// <param name="endpoint">The app's address, e.g. <c>https://serverlesshub-abc.azurewebsites.net</c>.</param>
    /// <param name="routePrefix">host.json's HTTP route prefix (<c>api</c>).</param>
    /// <param name="adminKey">An admin key of the deployed app.</param>
    /// <param name="english">Problems and reasons in English instead of Chinese.</param>
    public RemoteHubApply(HttpClient http, Uri endpoint, string routePrefix, string adminKey, bool english)
    {
        _http = http;
        var prefix = routePrefix.Length > 0 ? routePrefix + "/" : "";
        _manageHubs = new Uri(new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/"), $"{prefix}manage/hubs/");
        _adminKey = adminKey;
        _english = english;
    }

    /// <summary>
    /// Whether <paramref name="endpoint"/> may receive an admin key: https, or http to this machine only (the local
    /// host), since the key would otherwise cross the network in clear text.
    /// </summary>
    public static bool IsSafeEndpoint(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsAbsoluteUri && (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback));
    }

    public async Task<FileApplyResult> ApplyAsync(string document, CancellationToken cancellationToken)
    {
        if (DocumentHubId.Read(document) is not { } hubId)
        {
            // Without an id there is no hub to address; the local validator says what is wrong, as the app would.
            var parsed = HubDefinitionParser.Parse(document);
            return parsed.Succeeded
                ? new FileApplyResult.Failed(Say("无法读取文档的 id。", "The document's id cannot be read."))
                : new FileApplyResult.Invalid(parsed.Errors.Select(e => _english ? e.English : e.Chinese).ToList());
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_manageHubs, Uri.EscapeDataString(hubId)))
        {
            Content = new StringContent(document, Encoding.UTF8, LooksLikeJson(document) ? "application/json" : "application/yaml"),
        };
        request.Headers.Add(ApiKeys.HeaderName, _adminKey);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(_english ? "en" : "zh-CN"));
        request.Headers.Add("x-applied-by", AppliedBy());
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.Created or HttpStatusCode.OK when Applied(body) is { } applied => applied,
                HttpStatusCode.UnprocessableEntity => new FileApplyResult.Invalid(Problems(body)),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new FileApplyResult.Failed(Say(
                    $"{request.RequestUri!.Authority} 拒绝了这个密钥（HTTP {(int)response.StatusCode}），需要该应用的管理员密钥。",
                    $"{request.RequestUri!.Authority} refused the key (HTTP {(int)response.StatusCode}); it needs an admin key of that app.")),
                HttpStatusCode.NotFound => new FileApplyResult.Failed(Say(
                    $"{request.RequestUri} 不存在（HTTP 404），请确认 --endpoint 是应用的地址。",
                    $"{request.RequestUri} does not exist (HTTP 404); check that --endpoint is the app's address.")),
                _ => new FileApplyResult.Failed(Say(
                    $"应用返回 HTTP {(int)response.StatusCode}：{ProblemText(body)}",
                    $"the app answered HTTP {(int)response.StatusCode}: {ProblemText(body)}")),
            };
        }
        catch (HttpRequestException ex)
        {
            return new FileApplyResult.Failed(Say($"无法连接 {_manageHubs.Authority}：{ex.Message}", $"cannot reach {_manageHubs.Authority}: {ex.Message}"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FileApplyResult.Failed(Say($"{_manageHubs.Authority} 未在 {_http.Timeout.TotalSeconds:0} 秒内应答。", $"{_manageHubs.Authority} did not answer within {_http.Timeout.TotalSeconds:0} s."));
        }
    }

    private static FileApplyResult.Applied? Applied(string body)
    {
        try
        {
            var dto = JsonSerializer.Deserialize(body, HubsJsonContext.Default.HubAppliedDto);
            return dto?.Outcome switch
            {
                "created" => new(dto.HubId, HubApplyOutcome.Created, dto.Version),
                "updated" => new(dto.HubId, HubApplyOutcome.Updated, dto.Version),
                "unchanged" => new(dto.HubId, HubApplyOutcome.Unchanged, dto.Version),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The admin API's 422 problem+json lists each problem under "errors" with a message in the requested language
    // (ApplyHubFunction); any other problem says what is wrong in "detail" or "title".
    private static List<string> Problems(string body)
    {
        using var problem = ParseJson(body);
        return problem?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString()! : e.GetRawText()).ToList()
            : [ProblemText(body)];
    }

    private static string ProblemText(string body)
    {
        using var problem = ParseJson(body);
        if (problem?.RootElement is { ValueKind: JsonValueKind.Object } root)
        {
            foreach (var name in new[] { "detail", "title" })
            {
                if (root.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
                {
                    return text.GetString()!;
                }
            }
        }

        return body.Length > 200 ? body[..200] + "…" : body;
    }

    private static JsonDocument? ParseJson(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool LooksLikeJson(string document) => document.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{');

    // Recorded with the version, as the local apply records "cli:<user>"; header values must be ASCII, at most 64 kept.
    private static string AppliedBy()
    {
        var by = new string($"cli:{Environment.UserName}".Select(c => char.IsAscii(c) && !char.IsControl(c) ? c : '?').ToArray());
        return by.Length <= 64 ? by : by[..64];
    }

    private string Say(string chinese, string english) => _english ? english : chinese;
}
