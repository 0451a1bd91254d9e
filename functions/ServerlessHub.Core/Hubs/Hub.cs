using ServerlessHub.Calendar;
using ServerlessHub.Periods;

namespace ServerlessHub.Hubs;

/// <summary>Who is expected to submit a report kind each period: a unit, or a person of a unit.</summary>
/// <param name="Id">The submitter id: the unit id, or the person's WeCom user id for per-person kinds.</param>
/// <param name="UnitId">The unit the submitter belongs to.</param>
/// <param name="Name">The display name (the unit's or the person's).</param>
public sealed record ExpectedSubmitter(string Id, string UnitId, string Name);

/// <summary>
/// A validated hub definition, ready to use: its working-day calendar, a timeline per report kind, and look-ups by id.
/// Built once per applied version and shared; immutable.
/// </summary>
public sealed class Hub
{
    private readonly Dictionary<string, ReportKind> _reports;
    private readonly Dictionary<string, ReportTimeline> _timelines;
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<string, Person> _people;
    private readonly Dictionary<string, IReadOnlyList<ExpectedSubmitter>> _expected;

    /// <param name="definition">The validated definition.</param>
    /// <param name="version">Its applied version number.</param>
    /// <param name="yearWithoutData">Told once per year for which the statutory calendar has no data (Monday–Friday is used).</param>
    public Hub(HubDefinition definition, int version, Action<int>? yearWithoutData = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Version = version;
        var calendar = WorkingDayCalendar.China
            .WithDaysOff(definition.Calendar.DaysOff.Select(d => new DateRange(d.First, d.Last)))
            .WithWorkingDays(definition.Calendar.WorkingDays.Select(d => new DateRange(d.First, d.Last)));
        Calendar = yearWithoutData is null ? calendar : calendar.ReportingYearsWithoutData(yearWithoutData);
        _reports = definition.Reports.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _timelines = definition.Reports.ToDictionary(r => r.Id, r => new ReportTimeline(r.Schedule, Calendar, definition.TimeZone), StringComparer.Ordinal);
        _units = definition.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _people = definition.People.ToDictionary(p => p.UserId, StringComparer.Ordinal);

        // Every submit, status and reminder asks; worked out per request it cost ~1 ms for a 500-unit hub.
        _expected = definition.Reports.ToDictionary(r => r.Id, Expected, StringComparer.Ordinal);
    }

    public HubDefinition Definition { get; }

    public string Id => Definition.Id;

    public int Version { get; }

    public WorkingDayCalendar Calendar { get; }

    public TimeZoneInfo TimeZone => Definition.TimeZone;

    public ReportKind? FindReport(string id) => _reports.GetValueOrDefault(id);

    public ReportTimeline Timeline(ReportKind report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return _timelines[report.Id];
    }

    public Unit? FindUnit(string id) => _units.GetValueOrDefault(id);

    public Person? FindPerson(string userId) => _people.GetValueOrDefault(userId);

    /// <summary>The people with <paramref name="role"/>, in document order.</summary>
    public IEnumerable<Person> PeopleWithRole(PersonRole role) => Definition.People.Where(p => p.HasRole(role));

    /// <summary>The liaisons (联络员) of a unit, in document order.</summary>
    public IEnumerable<Person> Liaisons(string unitId) =>
        Definition.People.Where(p => p.UnitId == unitId && p.HasRole(PersonRole.Liaison));

    /// <summary>Who must submit <paramref name="report"/> each period, in document order.</summary>
    public IReadOnlyList<ExpectedSubmitter> ExpectedSubmitters(ReportKind report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReferenceEquals(_reports.GetValueOrDefault(report.Id), report) ? _expected[report.Id] : Expected(report);
    }

    private IReadOnlyList<ExpectedSubmitter> Expected(ReportKind report)
    {
        var submitting = report.Submitters.UnitIds.ToHashSet(StringComparer.Ordinal);
        var units = report.Submitters.UnitIds.Count == 0 ? Definition.Units : Definition.Units.Where(u => submitting.Contains(u.Id)).ToList();
        if (report.Submitters.Scope == SubmitterScope.Unit)
        {
            return units.Select(u => new ExpectedSubmitter(u.Id, u.Id, u.Name)).ToList().AsReadOnly();
        }

        var liaisons = Definition.People.Where(p => p.UnitId is not null && p.HasRole(PersonRole.Liaison)).ToLookup(p => p.UnitId!, StringComparer.Ordinal);
        return units.SelectMany(u => liaisons[u.Id].Select(p => new ExpectedSubmitter(p.UserId, u.Id, p.Name))).ToList().AsReadOnly();
    }

    /// <summary>The submitter id that a person submits as for <paramref name="report"/>: their unit, or themselves.</summary>
    public static string? SubmitterIdOf(Person person, ReportKind report)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(report);
        return report.Submitters.Scope == SubmitterScope.Unit ? person.UnitId : person.UserId;
    }
}
