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
        Prop.ForAll(
            Arb.From(
                from timeline in Timelines
                from start in Instants
                from firstHours in Gen.Choose(0, 24 * 120)
                from secondHours in Gen.Choose(0, 24 * 120)
                select (timeline, start, middle: start.AddHours(firstHours), end: start.AddHours(firstHours + secondHours))),
            x =>
            {
                var (timeline, start, middle, end) = x;
                var all = timeline.OpeningBetween(start, end, 1000);
                var split = timeline.OpeningBetween(start, middle, 1000).Concat(timeline.OpeningBetween(middle, end, 1000));
                var inRange = all.All(p => p.Opens > start && p.Opens <= end);
                var consecutive = all.Zip(all.Skip(1)).All(pair => timeline.Next(pair.First) == pair.Second);
                var complete = (all.Count == 0 || (timeline.Previous(all[0])!.Opens <= start && timeline.Next(all[^1])!.Opens > end))
                    && Around(timeline, start).Concat(Around(timeline, end)).Where(p => p.Opens > start && p.Opens <= end).All(all.Contains);
                return all.SequenceEqual(split) && inRange && consecutive && complete;
            });

    [Property]
    public Property DueBetween_SplitTicks_SameAsOneCatchUpAndComplete() =>
        Prop.ForAll(
            Arb.From(
                from timeline in Timelines
                from start in Instants
                from firstHours in Gen.Choose(0, 24 * 120)
                from secondHours in Gen.Choose(0, 24 * 120)
                select (timeline, start, middle: start.AddHours(firstHours), end: start.AddHours(firstHours + secondHours))),
            x =>
            {
                var (timeline, start, middle, end) = x;
                var all = timeline.DueBetween(start, end);
                var split = timeline.DueBetween(start, middle).Concat(timeline.DueBetween(middle, end));
                var inRange = all.All(p => p.Due > start && p.Due <= end);
                var consecutive = all.Zip(all.Skip(1)).All(pair => timeline.Next(pair.First) == pair.Second);
                var complete = (all.Count == 0 || (timeline.Previous(all[0])!.Due <= start && timeline.Next(all[^1])!.Due > end))
                    && Around(timeline, start).Concat(Around(timeline, end)).Where(p => p.Due > start && p.Due <= end).All(all.Contains);
                return all.SequenceEqual(split) && inRange && consecutive && complete;
            });

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
