using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessHub.Hubs;

public sealed record HubAppliedDto(string HubId, string Outcome, int Version);

public sealed record HubVersionDto(int Version, DateTimeOffset AppliedAt, string AppliedBy);

public sealed record HubDto(string HubId, int Version, DateTimeOffset AppliedAt, string AppliedBy, string Document, IReadOnlyList<HubVersionDto> Versions);

public sealed record HubErrorDto(string Path, string Code, string Message, int? Line, int? Column);

/// <summary>A new hub key, shown this once.</summary>
public sealed record HubKeyDto(string HubId, string KeyId, string Name, string Key, DateTimeOffset? ExpiresAt);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(HubAppliedDto))]
[JsonSerializable(typeof(HubDto))]
[JsonSerializable(typeof(HubKeyDto))]
[JsonSerializable(typeof(List<HubErrorDto>))]
public sealed partial class HubsJsonContext : JsonSerializerContext;
