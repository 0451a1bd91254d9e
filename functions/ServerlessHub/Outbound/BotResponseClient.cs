using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

/// <summary>
/// Posts an AI-bot active reply (主动回复消息, document 101138) to the response_url of the message it answers:
/// <c>{"msgtype":"markdown","markdown":{"content":…}}</c>. WeCom accepts one call per response_url, within an hour.
/// Failures surface as <see cref="WeComApiException"/>, like the other WeCom clients; no message names the URL,
/// whose response_code is a credential.
/// </summary>
public sealed class BotResponseClient(HttpClient http, TimeSpan timeout, TimeProvider time)
{
    public async Task SendMarkdownAsync(Uri responseUrl, string content, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        BotReplyAnswer? answer;
        try
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new BotReply("markdown", new BotMarkdown(content)), BotReplyJsonContext.Default.BotReply);
            using var request = new ByteArrayContent(body);
            request.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(responseUrl, request, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new WeComApiException($"WeCom answered HTTP {status} to the AI-bot reply.", status, isTransient: status >= 500);
            }

            answer = await response.Content.ReadFromJsonAsync(BotReplyJsonContext.Default.BotReplyAnswer, linked.Token).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new WeComApiException("WeCom answered the AI-bot reply with a body that is not the expected JSON.", 200, isTransient: false, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WeComApiException($"WeCom did not answer the AI-bot reply within {timeout.TotalSeconds:0.#} s.", 0, isTransient: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new WeComApiException($"WeCom could not be reached for the AI-bot reply ({ex.HttpRequestError}).", 0, isTransient: true, ex);
        }

        if (answer is null)
        {
            throw new WeComApiException("WeCom answered the AI-bot reply with an empty body.", 200, isTransient: false);
        }

        if (answer.ErrCode != 0)
        {
            throw new WeComApiException(answer.ErrCode, answer.ErrMsg);
        }
    }
}

internal sealed record BotReply([property: JsonPropertyName("msgtype")] string MsgType, [property: JsonPropertyName("markdown")] BotMarkdown Markdown);

internal sealed record BotMarkdown([property: JsonPropertyName("content")] string Content);

internal sealed record BotReplyAnswer([property: JsonPropertyName("errcode")] int ErrCode, [property: JsonPropertyName("errmsg")] string? ErrMsg);

[JsonSerializable(typeof(BotReply))]
[JsonSerializable(typeof(BotReplyAnswer))]
internal sealed partial class BotReplyJsonContext : JsonSerializerContext;
