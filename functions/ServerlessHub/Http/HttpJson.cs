using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ServerlessHub.Http;

/// <summary>Serializes exactly as the HTTP responses are written, so a stored answer replays byte for byte.</summary>
public static class HttpJson
{
    public static string Serialize<T>(HttpContext context, T value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}
