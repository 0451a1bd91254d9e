using System.Security.Cryptography;
using System.Text;

namespace ServerlessHub.Storage.Submissions;

/// <summary>
/// The first answer to a request that carried an <c>Idempotency-Key</c>, kept with the change it made (same entity-group
/// transaction), so a retry gets the same answer and changes nothing. <see cref="RequestHash"/> tells a retry from a
/// different request that reuses the key.
/// </summary>
public sealed record IdempotentResponse(string RequestHash, int StatusCode, string Body)
{
    public static string Hash(string method, string path, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{body}")));

    internal static string Row(string idempotencyKey) =>
        "i|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
}
