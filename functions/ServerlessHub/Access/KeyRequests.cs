using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.Http;

namespace ServerlessHub.Access;

/// <summary>Checks a <see cref="CreateKeyRequest"/> for the hub-key and admin-key APIs alike.</summary>
internal static class KeyRequests
{
    /// <param name="zone">The zone an <c>expiresAt</c> date is read in: the hub's, or Asia/Shanghai for admin keys.</param>
    public static (string Name, DateTimeOffset? ExpiresAt, ProblemHttpResult? Problem) Read(HttpContext context, CreateKeyRequest body, TimeZoneInfo zone, DateTimeOffset now)
    {
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 64 || name.Any(char.IsControl))
        {
            return ("", null, Problems.BadRequest(context, ("请给密钥起个名字（name，最多 64 字，不含控制字符），便于日后识别。", "Give the key a name of at most 64 characters, without control characters.")));
        }

        switch (body)
        {
            case { ExpiresAt: not null, ExpiresInDays: not null }:
                return (name, null, Problems.BadRequest(context, ("expiresAt 与 expiresInDays 只能给一个。", "Give expiresAt or expiresInDays, not both.")));
            case { ExpiresInDays: { } days }:
                return days is >= 1 and <= KeyExpiry.MaxDays
                    ? (name, now.AddDays(days), null)
                    : (name, null, Problems.BadRequest(context, ($"expiresInDays 应在 1 到 {KeyExpiry.MaxDays} 之间。", $"expiresInDays must be from 1 to {KeyExpiry.MaxDays}.")));
            case { ExpiresAt: { } text }:
                return KeyExpiry.Parse(text, zone, now) is { } expires
                    ? (name, expires, null)
                    : (name, null, Problems.BadRequest(context,
                        ($"expiresAt 应为将来的日期（如 2027-06-30，当天结束时失效）或带时区的时刻（如 2027-06-30T18:00:00+08:00），而不是“{text}”。",
                         $"expiresAt must be a future date (2027-06-30, valid through that day) or an instant with its offset (2027-06-30T18:00:00+08:00), not '{text}'.")));
            default:
                return (name, null, null);
        }
    }
}
