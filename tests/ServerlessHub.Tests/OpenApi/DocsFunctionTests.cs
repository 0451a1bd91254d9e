using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace ServerlessHub.OpenApi;

/// <summary>The API reference page and its script come from the app itself, so the page works without internet.</summary>
public sealed class DocsFunctionTests(HubApiFixture fixture) : IClassFixture<HubApiFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Docs_IsAPageLoadingTheDocumentWithTheAppsOwnScript()
    {
        using var http = fixture.Client(null);

        using var page = await http.GetAsync("/api/docs", _ct);
        var html = await page.Content.ReadAsStringAsync(_ct);
        using var script = await http.GetAsync("/api/docs/scalar.js", _ct);
        var js = await script.Content.ReadAsStringAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"/api/openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/api/docs/scalar.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("createApiReference", js, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocsScript_GoesGzippedToClientsThatTakeGzip()
    {
        using var http = fixture.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/docs/scalar.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await http.SendAsync(request, _ct);
        await using var body = new GZipStream(await response.Content.ReadAsStreamAsync(_ct), CompressionMode.Decompress);
        var js = await new StreamReader(body).ReadToEndAsync(_ct);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("createApiReference", js, StringComparison.Ordinal);
    }
}
