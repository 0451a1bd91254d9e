using ServerlessHub.Hubs;
using ServerlessHub.Periods;
using ServerlessHub.Submissions;

namespace ServerlessHub.Replies;

/// <summary>One line of 我的报送: where the person (or their unit) stands on a report kind's current period.</summary>
/// <param name="Kind">The report kind.</param>
/// <param name="Period">Its current period.</param>
/// <param name="State">Submitted on time or late, pending, missing, on leave, or not open yet.</param>
/// <param name="SubmittedAt">When it was first submitted, for submitted states.</param>
public sealed record StatusLine(ReportKind Kind, Period Period, SubmitterState State, DateTimeOffset? SubmittedAt);
