using System.Text.Json;
using ServerlessHub.WeCom.Simulation.Replies;

namespace ServerlessHub.WeCom.Simulation.AppMessages;

/// <summary>
/// The content of an app or app-chat message (documents 90236, 90248): text and markdown up to 2048 bytes, text cards
/// with a title, description and URL. WeCom silently truncates over-long app text; the simulator refuses it with 45002
/// instead, so a client that forgets to split is caught in tests.
/// </summary>
internal static class AppMessageContent
{
    private const int ContentBytes = 2048;

    public static (string? Content, ErrorReply? Error) Read(JsonElement body, string? messageType)
    {
        switch (messageType)
        {
            case "text" or "markdown":
                var content = RequestBody.Nested(body, messageType, "content");
                if (string.IsNullOrEmpty(content))
                {
                    return (null, WeComErrors.EmptyContent);
                }

                return RequestBody.ByteCount(content) > ContentBytes ? (null, WeComErrors.ContentTooLong) : (content, null);

            case "textcard":
                var title = RequestBody.Nested(body, "textcard", "title");
                var description = RequestBody.Nested(body, "textcard", "description");
                var url = RequestBody.Nested(body, "textcard", "url");
                if (string.IsNullOrEmpty(title) || string.IsNullOrEmpty(description) || string.IsNullOrEmpty(url))
                {
                    return (null, WeComErrors.EmptyContent);
                }

                return (string.Join('\n', title, description, url), null);

            default:
                return (null, WeComErrors.InvalidMessageType);
        }
    }
}
