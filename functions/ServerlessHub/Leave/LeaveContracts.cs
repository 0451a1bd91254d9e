using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessHub.Leave;

/// <summary>POST body: leave for a unit or a person, local dates inclusive.</summary>
public sealed record LeaveRequest(string? UnitId, string? UserId, DateOnly? FirstDay, DateOnly? LastDay, string? Reason, string? CreatedBy);

public sealed record LeaveDto(string Id, string Subject, string SubjectId, DateOnly FirstDay, DateOnly LastDay, string Reason, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static LeaveDto From(LeaveRecord l) => new(l.Id, l.Subject.ToString().ToLowerInvariant(), l.SubjectId, l.FirstDay, l.LastDay, l.Reason, l.CreatedBy, l.CreatedAt);
}

public sealed record LeaveListDto(string HubId, IReadOnlyList<LeaveDto> Leave);

// A repeated property is ambiguous (which did the sender mean?), so it is refused rather than the last one winning.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LeaveRequest))]
[JsonSerializable(typeof(LeaveDto))]
[JsonSerializable(typeof(LeaveListDto))]
public sealed partial class LeaveJsonContext : JsonSerializerContext;
