using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServerlessHub.Calendar;

namespace ServerlessHub.Periods;

public class ReportTimelinePropertyTests
{
    private static readonly TimeZoneInfo[] Zones =
    [
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
        TimeZoneInfo.Utc,
        TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
        // Until 2019 São Paulo changed clocks at midnight, so some days had no 00:00 and some hours repeated.
        TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"),
        TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe"),
    ];

    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Instants across 2000–2100, half of them within two hours of a UTC or local midnight, where periods meet.
    private static readonly Gen<DateTimeOffset> Instants = Gen.OneOf(
        from minutes in Gen.Choose(0, 53_000_000)
        from seconds in Gen.Choose(0, 59)
        select Epoch.AddMinutes(minutes).AddSeconds(seconds),
        from days in Gen.Choose(0, 36_800)
        from offsetHours in Gen.Choose(-14, 14)
        from nudgeSeconds in Gen.Choose(-7200, 7200)
        select Epoch.AddDays(days).AddHours(offsetHours).AddSeconds(nudgeSeconds));

    private static readonly Gen<ReportTimeline> Timelines =
        from cadence in Gen.Elements(Cadence.Weekly, Cadence.Monthly, Cadence.Quarterly)
        from zone in Gen.Elements(Zones)
        from opensDays in Gen.Choose(-10, 10)
        from opensUnit in Gen.Elements(DayUnit.Calendar, DayUnit.Working)
        from opensAnchor in Gen.Elements(DayAnchor.PeriodStart, DayAnchor.PeriodEnd)
        from hour in Gen.Choose(0, 23)
        select new ReportTimeline(
            new ReportSchedule(
                cadence,
                new DayOffset(3, DayUnit.Working, DayAnchor.PeriodEnd, new TimeOnly(17, 0)),
                new DayOffset(opensDays, opensUnit, opensAnchor, new TimeOnly(hour, 30))),
            WorkingDayCalendar.China,
            zone);

    [Property]
    public Property Containing_AnyInstant_IsInExactlyOnePeriodWhoseKeyRoundTrips() =>
        Prop.ForAll(
            Arb.From(from timeline in Timelines from instant in Instants select (timeline, instant)),
            x =>
            {
                var (timeline, instant) = x;
                var period = timeline.Containing(instant)!;
                var next = timeline.Next(period)!;
                var previous = timeline.Previous(period)!;
                return period.Contains(instant)
                    && !previous.Contains(instant)
                    && !next.Contains(instant)
                    && period.Start < period.End
                    && previous.End == period.Start
                    && period.End == next.Start
                    && PeriodKey.IsValid(period.Key)
                    && timeline.FromKey(period.Key) == period
                    && timeline.Containing(period.Start) == period
                    && timeline.Containing(period.End.AddTicks(-1)) == period
                    && timeline.Containing(period.End) == next
                    && timeline.Previous(next) == period;
            });

    [Property]
    public Property Period_AnyInstant_StartsAndEndsAtLocalMidnights() =>
        Prop.ForAll(
            Arb.From(from timeline in Timelines from instant in Instants select (timeline, instant)),
            x =>
            {
                var (timeline, instant) = x;
                var period = timeline.Containing(instant)!;
                return period.Start == LocalTime.StartOfDay(period.FirstDay, timeline.TimeZone)
                    && period.End == LocalTime.StartOfDay(period.LastDay.AddDays(1), timeline.TimeZone)
                    && LocalTime.ToDate(period.Start, timeline.TimeZone) == period.FirstDay
                    && LocalTime.ToDate(period.End.AddTicks(-1), timeline.TimeZone) == period.LastDay;
            });

    [Property]
    public Property OpeningBetween_SplitTicks_SameAsOneCatchUpAndComplete() =>
        Prop.ForAll(SplitWindows, x => SplitTicksSameAsOneCatchUpAndComplete(x, (timeline, from, to) => timeline.OpeningBetween(from, to, 1000), p => p.Opens));

    [Property]
    public Property DueBetween_SplitTicks_SameAsOneCatchUpAndComplete() =>
        Prop.ForAll(SplitWindows, x => SplitTicksSameAsOneCatchUpAndComplete(x, (timeline, from, to) => timeline.DueBetween(from, to), p => p.Due));

    // A window of up to 120 days split in two at any hour, as two ticks or a catch-up after downtime would see it.
    private static Arbitrary<(ReportTimeline Timeline, DateTimeOffset Start, DateTimeOffset Middle, DateTimeOffset End)> SplitWindows =>
        Arb.From(
            from timeline in Timelines
            from start in Instants
            from firstHours in Gen.Choose(0, 24 * 120)
            from secondHours in Gen.Choose(0, 24 * 120)
            select (timeline, start, start.AddHours(firstHours), start.AddHours(firstHours + secondHours)));

    /// <summary>
    /// The periods <paramref name="between"/> finds in (start, end] are those it finds in (start, middle] and then in
    /// (middle, end]; each has its <paramref name="moment"/> in the window; they follow one another; and none is missing.
    /// </summary>
    private static bool SplitTicksSameAsOneCatchUpAndComplete(
        (ReportTimeline Timeline, DateTimeOffset Start, DateTimeOffset Middle, DateTimeOffset End) window,
        Func<ReportTimeline, DateTimeOffset, DateTimeOffset, IReadOnlyList<Period>> between,
        Func<Period, DateTimeOffset> moment)
    {
        var (timeline, start, middle, end) = window;
        var all = between(timeline, start, end);
        var split = between(timeline, start, middle).Concat(between(timeline, middle, end));
        var inRange = all.All(p => moment(p) > start && moment(p) <= end);
        var consecutive = all.Zip(all.Skip(1)).All(pair => timeline.Next(pair.First) == pair.Second);
        var complete = (all.Count == 0 || (moment(timeline.Previous(all[0])!) <= start && moment(timeline.Next(all[^1])!) > end))
            && Around(timeline, start).Concat(Around(timeline, end)).Where(p => moment(p) > start && moment(p) <= end).All(all.Contains);
        return all.SequenceEqual(split) && inRange && consecutive && complete;
    }

    // Opening offsets in these timelines are at most 10 days and due offsets 3 working days, so any period opening or
    // falling due near an instant is within 3 steps of the one containing it.
    private static IEnumerable<Period> Around(ReportTimeline timeline, DateTimeOffset instant)
    {
        var period = timeline.Containing(instant)!;
        for (var i = 0; i < 3; i++)
        {
            period = timeline.Previous(period)!;
        }

        for (var i = 0; i < 7; i++)
        {
            yield return period;
            period = timeline.Next(period)!;
        }
    }
}
