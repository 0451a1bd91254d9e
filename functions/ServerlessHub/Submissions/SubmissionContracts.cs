using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessHub.Periods;

namespace ServerlessHub.Submissions;

/// <summary>POST body: a new submission for a unit (or, for per-person kinds, a person).</summary>
/// <param name="UnitId">The submitting unit; for per-person kinds, optional (taken from the person).</param>
/// <param name="UserId">The submitting person's WeCom user id, for per-person kinds.</param>
/// <param name="Fields">Values by field id: strings, or numbers for number fields.</param>
/// <param name="SubmittedBy">Who submits, for the record (a name or user id); defaults to the API key's name.</param>
public sealed record SubmitRequest(string? UnitId, string? UserId, Dictionary<string, JsonElement>? Fields, string? SubmittedBy);

/// <summary>PUT body: the fields to change; null or "" clears a field.</summary>
/// <param name="Fields">Values by field id, only those to change.</param>
/// <param name="RevisedBy">Who revises, for the revision's record; defaults to the API key's name.</param>
/// <param name="SubmittedBy">Accepted as <paramref name="RevisedBy"/>; the submission keeps its original submitter.</param>
public sealed record ReviseRequest(Dictionary<string, JsonElement>? Fields, string? RevisedBy, string? SubmittedBy);

public sealed record PeriodDto(string Key, string Cadence, DateOnly FirstDay, DateOnly LastDay, DateTimeOffset Opens, DateTimeOffset Due)
{
    public static PeriodDto From(Period p) => new(p.Key, p.Cadence.ToString().ToLowerInvariant(), p.FirstDay, p.LastDay, p.Opens, p.Due);
}

public sealed record RevisionDto(int Revision, string Action, DateTimeOffset At, string By, string Channel, IReadOnlyList<FieldChange> Changes);

public sealed record SubmissionDto(
    string HubId, string ReportId, string PeriodKey, string SubmitterId, string UnitId,
    IReadOnlyDictionary<string, string> Fields, string Channel, string SubmittedBy,
    DateTimeOffset FirstSubmittedAt, DateTimeOffset UpdatedAt, bool Late, int Revision, bool Withdrawn,
    IReadOnlyList<RevisionDto>? Revisions = null)
{
    public static SubmissionDto From(Submission s, IReadOnlyList<SubmissionRevision>? revisions = null) => new(
        s.HubId, s.ReportId, s.PeriodKey, s.SubmitterId, s.UnitId, s.Fields, Name(s.Channel), s.SubmittedBy,
        s.FirstSubmittedAt, s.UpdatedAt, s.Late, s.Revision, s.Withdrawn,
        revisions?.Select(r => new RevisionDto(r.Revision, r.Action.ToString().ToLowerInvariant(), r.At, r.By, Name(r.Channel), r.Changes)).ToList());

    internal static string Name(SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.Http => "http",
        SubmissionChannel.WeComApp => "wecom-app",
        _ => "wecom-bot",
    };
}

public sealed record SubmissionListDto(string HubId, string ReportId, PeriodDto Period, IReadOnlyList<SubmissionDto> Submissions);

public sealed record SubmitterStatusDto(string SubmitterId, string UnitId, string Name, string State, DateTimeOffset? SubmittedAt, int Revision);

/// <summary>Submitters per state. <c>notOpen</c> counts those of a period that has not opened yet: they owe nothing so
/// far and are in neither <c>pending</c> nor <c>missing</c>.</summary>
public sealed record StatusCountsDto(int Expected, int Submitted, int OnTime, int Late, int Pending, int Missing, int OnLeave, int NotOpen);

/// <summary>A period's status as of <c>asOf</c>. <c>open</c> is false until <c>period.opens</c>; until then a submitter who
/// has neither submitted nor is on leave is <c>not-open</c>, and rates leave them out (1 when nobody is due yet).</summary>
public sealed record PeriodStatusDto(string HubId, string ReportId, string ReportTitle, PeriodDto Period, DateTimeOffset AsOf, bool Open, StatusCountsDto Counts, double SubmissionRate, double OnTimeRate, IReadOnlyList<SubmitterStatusDto> Submitters)
{
    public static PeriodStatusDto From(PeriodStatus s, string title) => new(
        s.HubId, s.ReportId, title, PeriodDto.From(s.Period), s.AsOf, s.IsOpen,
        new StatusCountsDto(s.Expected, s.Submitted, s.OnTime, s.Late, s.Pending, s.Missing, s.OnLeave, s.NotOpen),
        Math.Round(s.SubmissionRate, 4), Math.Round(s.OnTimeRate, 4),
        s.Submitters.Select(x => new SubmitterStatusDto(x.SubmitterId, x.UnitId, x.Name, State(x.State), x.SubmittedAt, x.Revision)).ToList());

    private static string State(SubmitterState state) => state switch
    {
        SubmitterState.OnTime => "on-time",
        SubmitterState.Late => "late",
        SubmitterState.Pending => "pending",
        SubmitterState.Missing => "missing",
        SubmitterState.NotOpen => "not-open",
        _ => "on-leave",
    };
}

/// <summary>POST body: opens a window of an ad hoc report kind (临时报送), local dates inclusive.</summary>
public sealed record OpenPeriodRequest(string? Id, DateOnly? FirstDay, DateOnly? LastDay, string? OpenedBy);

public sealed record PeriodListDto(string HubId, string ReportId, IReadOnlyList<PeriodDto> Periods);

// A repeated property is ambiguous (which did the sender mean?), so it is refused rather than the last one winning.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubmitRequest))]
[JsonSerializable(typeof(ReviseRequest))]
[JsonSerializable(typeof(SubmissionDto))]
[JsonSerializable(typeof(SubmissionListDto))]
[JsonSerializable(typeof(PeriodStatusDto))]
[JsonSerializable(typeof(OpenPeriodRequest))]
[JsonSerializable(typeof(PeriodDto))]
[JsonSerializable(typeof(PeriodListDto))]
public sealed partial class SubmissionsJsonContext : JsonSerializerContext;
