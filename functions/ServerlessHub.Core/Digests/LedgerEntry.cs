using System.Globalization;
using ServerlessHub.Hubs;
using ServerlessHub.Submissions;

namespace ServerlessHub.Digests;

/// <summary>
/// What a digest needs of a submission to an earlier period: whether it was late or withdrawn, and its numbers. The
/// ledger keeps one per (report kind, period, submitter) in one place, so a term's history is one query.
/// </summary>
/// <param name="PeriodKey">The period.</param>
/// <param name="SubmitterId">The unit or person.</param>
/// <param name="Late">Whether it was first submitted after the due instant.</param>
/// <param name="Withdrawn">Whether it is withdrawn.</param>
/// <param name="Numbers">The values of its number fields.</param>
public sealed record LedgerEntry(string PeriodKey, string SubmitterId, bool Late, bool Withdrawn, IReadOnlyDictionary<string, decimal> Numbers)
{
    /// <summary>The entry for <paramref name="submission"/> of <paramref name="kind"/>.</summary>
    public static LedgerEntry Of(Submission submission, ReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(kind);
        var numbers = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var field in kind.Fields.Where(f => f.Type == FieldType.Number))
        {
            if (submission.Fields.TryGetValue(field.Id, out var text)
                && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                numbers[field.Id] = value;
            }
        }

        return new LedgerEntry(submission.PeriodKey, submission.SubmitterId, submission.Late, submission.Withdrawn, numbers);
    }

    /// <summary>Whether both say the same (the ledger is repaired only where it differs).</summary>
    public bool SameAs(LedgerEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return PeriodKey == other.PeriodKey && SubmitterId == other.SubmitterId && Late == other.Late && Withdrawn == other.Withdrawn
            && Numbers.Count == other.Numbers.Count && Numbers.All(n => other.Numbers.TryGetValue(n.Key, out var v) && v == n.Value);
    }
}
