using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServerlessHub.WeCom.Api;

/// <summary>
/// Sends one WeCom call and reads its JSON answer, turning every way it can fail except a non-zero <c>errcode</c>
/// into a <see cref="WeComApiException"/>; callers decide what an <c>errcode</c> means (a rejected token is retried).
/// Request URLs carry the token or robot key, so no message built here mentions a URL.
/// </summary>
internal sealed class WeComHttpPipeline(HttpClient httpClient, WeComClientOptions options, TimeProvider timeProvider)
{
    public Uri BaseUri => options.BaseUri;

    public Task<TResponse> GetAsync<TResponse>(string relativeUri, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : WeComResponse
        => SendAsync(HttpMethod.Get, relativeUri, content: null, responseType, cancellationToken);

    public Task<TResponse> PostAsync<TRequest, TResponse>(
        string relativeUri, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : WeComResponse
    {
        // Buffered rather than streamed, so the request carries a Content-Length instead of chunked encoding.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return SendAsync(HttpMethod.Post, relativeUri, content, responseType, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(
        HttpMethod method, string relativeUri, HttpContent? content, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : WeComResponse
    {
        using var request = new HttpRequestMessage(method, new Uri(options.BaseUri, relativeUri)) { Content = content };
        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new WeComApiException($"WeCom answered HTTP {status} to {Describe(method, relativeUri)}.", status, isTransient: status >= 500);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(responseType, linked.Token).ConfigureAwait(false)
                    ?? throw new WeComApiException($"WeCom answered {Describe(method, relativeUri)} with an empty JSON body.", status, isTransient: false);
            }
            catch (JsonException ex)
            {
                throw new WeComApiException($"WeCom answered {Describe(method, relativeUri)} with a body that is not the expected JSON.", status, isTransient: false, ex);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own timeout, or HttpClient.Timeout when the app's factory sets a shorter one.
            throw new WeComApiException($"WeCom did not answer {Describe(method, relativeUri)} within {options.Timeout.TotalSeconds:0.#} s.", 0, isTransient: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new WeComApiException($"WeCom could not be reached for {Describe(method, relativeUri)} ({ex.HttpRequestError}).", 0, isTransient: true, ex);
        }
    }

    // The path only: the query holds the access token or the robot key.
    private static string Describe(HttpMethod method, string relativeUri)
    {
        var query = relativeUri.IndexOf('?', StringComparison.Ordinal);
        return $"{method} /{(query < 0 ? relativeUri : relativeUri[..query])}";
    }
}
