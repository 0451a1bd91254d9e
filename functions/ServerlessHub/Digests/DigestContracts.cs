using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessHub.Digests;

/// <summary>A digest as <c>GET …/periods/{periodKey}/digest</c> answers it.</summary>
/// <param name="HubId">The hub.</param>
/// <param name="ReportId">The report kind.</param>
/// <param name="PeriodKey">The period.</param>
/// <param name="DigestId">The digest of the hub definition whose template and fields were used; null for the built-in default.</param>
/// <param name="Template">The template that rendered <paramref name="Markdown"/>.</param>
/// <param name="FallbackReason">Why the built-in template stood in for the digest's own, if it did.</param>
/// <param name="Markdown">The rendered digest (WeCom Markdown).</param>
/// <param name="Parts">The messages it is sent as to a group robot: each at most 4,096 bytes, cut at section and line ends.</param>
/// <param name="Statistics">The figures behind it.</param>
/// <param name="Posts">The scheduled posts of this period so far: per digest and channel, when queued and with which template.</param>
public sealed record DigestDto(
    string HubId,
    string ReportId,
    string PeriodKey,
    string? DigestId,
    string Template,
    string? FallbackReason,
    string Markdown,
    IReadOnlyList<string> Parts,
    DigestStatistics Statistics,
    IReadOnlyList<DigestPostDto> Posts);

/// <summary>A scheduled post of a digest on one channel.</summary>
public sealed record DigestPostDto(string DigestId, string ChannelId, DateTimeOffset ClaimedAt, DateTimeOffset? QueuedAt, string? Template, string? Note);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DigestDto))]
public sealed partial class DigestsJsonContext : JsonSerializerContext;
