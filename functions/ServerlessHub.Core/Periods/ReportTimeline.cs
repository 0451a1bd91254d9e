using ServerlessHub.Calendar;

namespace ServerlessHub.Periods;

/// <summary>
/// The periods of one report kind in one hub: its <see cref="ReportSchedule"/> laid over the hub's working-day
/// calendar and time zone. Pure and thread-safe; every instant in and out is UTC.
/// </summary>
public sealed class ReportTimeline
{
    private readonly List<Term> terms;

    /// <summary>Lays <paramref name="schedule"/> over <paramref name="calendar"/> in <paramref name="timeZone"/>
    /// (default <see cref="DefaultTimeZone"/>).</summary>
    /// <exception cref="ArgumentException">
    /// The schedule is inconsistent: <see cref="ReportSchedule.Opens"/> anchored to <see cref="DayAnchor.Open"/>, an
    /// offset beyond <see cref="WorkingDayCalendar.MaxWorkingDays"/> days, a semester cadence without terms, a once
    /// cadence without its window, a term ending before it starts, overlapping terms, or a term id that is not a
    /// valid <see cref="PeriodKey"/> or is repeated.
    /// </exception>
    public ReportTimeline(ReportSchedule schedule, WorkingDayCalendar calendar, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(calendar);
        Schedule = schedule;
        Calendar = calendar;
        TimeZone = timeZone ?? DefaultTimeZone;
        CheckOffset(schedule.Due, nameof(schedule));
        if (schedule.Opens is { } opens)
        {
            CheckOffset(opens, nameof(schedule));
            if (opens.Anchor == DayAnchor.Open)
            {
                throw new ArgumentException("The opening of a period cannot be anchored to itself.", nameof(schedule));
            }
        }

        terms = schedule.Cadence switch
        {
            Cadence.Semester => CheckTerms(schedule.Terms is { Count: > 0 } list ? list : throw new ArgumentException("A semester cadence needs terms.", nameof(schedule)), nameof(schedule)),
            Cadence.Once => CheckTerms([schedule.Once ?? throw new ArgumentException("A once cadence needs its window.", nameof(schedule))], nameof(schedule)),
            _ => [],
        };
    }

    /// <summary>The time zone used when a hub names none: Asia/Shanghai (China Standard Time, UTC+8, no DST).</summary>
    public static TimeZoneInfo DefaultTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The schedule laid out.</summary>
    public ReportSchedule Schedule { get; }

    /// <summary>The hub's working-day calendar.</summary>
    public WorkingDayCalendar Calendar { get; }

    /// <summary>The hub's time zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    private bool IsRecurring => Schedule.Cadence is Cadence.Weekly or Cadence.Monthly or Cadence.Quarterly;

    /// <summary>
    /// The period whose [start, end) contains <paramref name="instant"/>; null between terms, outside the once window
    /// and always for <see cref="Cadence.AdHoc"/>.
    /// </summary>
    public Period? Containing(DateTimeOffset instant)
    {
        if (IsRecurring)
        {
            var period = Recurring(PeriodKey.FirstDayContaining(Schedule.Cadence, LocalTime.ToDate(instant, TimeZone)));

            // Where clocks go back across midnight, or jump over it, the wall-clock date near a boundary can name the
            // neighbouring period; the boundary instants decide (see the Containing_Clocks… tests).
            while (instant < period.Start)
            {
                period = Recurring(PeriodKey.NextFirstDay(Schedule.Cadence, period.FirstDay, -1));
            }

            while (instant >= period.End)
            {
                period = Recurring(PeriodKey.NextFirstDay(Schedule.Cadence, period.FirstDay));
            }

            return period;
        }

        return terms.Select(FromTerm).FirstOrDefault(p => p.Contains(instant));
    }

    /// <summary>
    /// The period named by <paramref name="key"/>, or null when no period of this timeline has that key (including
    /// non-canonical spellings such as <c>2026-W5</c>, and every key of <see cref="Cadence.AdHoc"/>, whose windows are
    /// recorded when opened: rebuild them with <see cref="AdHoc"/>).
    /// </summary>
    public Period? FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsRecurring)
        {
            return PeriodKey.ParseFirstDay(Schedule.Cadence, key) is { } firstDay ? Recurring(firstDay) : null;
        }

        return terms.Where(t => t.Id == key).Select(FromTerm).FirstOrDefault();
    }

    /// <summary>The period after <paramref name="period"/>; null after the last term, for once and for ad hoc.</summary>
    /// <exception cref="ArgumentException"><paramref name="period"/> has another cadence.</exception>
    public Period? Next(Period period) => Neighbour(period, 1);

    /// <summary>The period before <paramref name="period"/>; null before the first term, for once and for ad hoc.</summary>
    /// <exception cref="ArgumentException"><paramref name="period"/> has another cadence.</exception>
    public Period? Previous(Period period) => Neighbour(period, -1);

    /// <summary>An ad hoc window (临时通知) opened by a coordinator, with the schedule's opening and due offsets applied.</summary>
    /// <exception cref="ArgumentException">The cadence is not ad hoc, <paramref name="id"/> is not a valid
    /// <see cref="PeriodKey"/>, or <paramref name="lastDay"/> is before <paramref name="firstDay"/>.</exception>
    public Period AdHoc(string id, DateOnly firstDay, DateOnly lastDay)
    {
        if (Schedule.Cadence != Cadence.AdHoc)
        {
            throw new ArgumentException($"A {Schedule.Cadence} timeline has no ad hoc windows.", nameof(id));
        }

        return FromTerm(CheckTerms([new Term(id, id, firstDay, lastDay)], nameof(id))[0]);
    }

    /// <summary>
    /// The periods whose due time falls after <paramref name="fromExclusive"/> and no later than
    /// <paramref name="toInclusive"/>, earliest first: a tick passes the previous tick's instant and now. Ad hoc windows
    /// never appear (they are recorded when opened).
    /// </summary>
    public IReadOnlyList<Period> DueBetween(DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        if (toInclusive <= fromExclusive || Schedule.Cadence == Cadence.AdHoc)
        {
            return [];
        }

        if (!IsRecurring)
        {
            return [.. terms.Select(FromTerm).Where(p => p.Due > fromExclusive && p.Due <= toInclusive)];
        }

        // Due times follow period order: from the last period due by the window's end (a due offset may reach back
        // before a period's start), walk back until one was due before the window.
        var last = Containing(toInclusive)!;
        while (Next(last) is { } next && next.Due <= toInclusive)
        {
            last = next;
        }

        var due = new List<Period>();
        for (Period? period = last; period is not null && period.Due > fromExclusive; period = Previous(period))
        {
            if (period.Due <= toInclusive)
            {
                due.Add(period);
            }
        }

        due.Reverse();
        return due;
    }

    /// <summary>
    /// The periods that open after <paramref name="fromExclusive"/> and no later than <paramref name="toInclusive"/>,
    /// earliest first, at most <paramref name="maxCount"/>: a tick passes the previous tick's instant and now, so
    /// periods whose opening fell into missed ticks are caught up. When the result is full, call again from the last
    /// period's <see cref="Period.Opens"/>. Ad hoc windows never appear (they open on demand).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    public IReadOnlyList<Period> OpeningBetween(DateTimeOffset fromExclusive, DateTimeOffset toInclusive, int maxCount = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        if (toInclusive <= fromExclusive)
        {
            return [];
        }

        if (!IsRecurring)
        {
            return [.. terms.Select(FromTerm).Where(p => p.Opens > fromExclusive && p.Opens <= toInclusive).OrderBy(p => p.Opens).Take(maxCount)];
        }

        // Opening instants never decrease from one period to the next (offsets are fixed and counting days is
        // monotonic), so step back to the last period opened by fromExclusive, then forward.
        var period = Recurring(PeriodKey.FirstDayContaining(Schedule.Cadence, LocalTime.ToDate(fromExclusive, TimeZone)));
        while (period.Opens > fromExclusive)
        {
            period = Recurring(PeriodKey.NextFirstDay(Schedule.Cadence, period.FirstDay, -1));
        }

        var opened = new List<Period>();
        while (opened.Count < maxCount)
        {
            period = Recurring(PeriodKey.NextFirstDay(Schedule.Cadence, period.FirstDay));
            if (period.Opens > toInclusive)
            {
                break;
            }

            if (period.Opens > fromExclusive)
            {
                opened.Add(period);
            }
        }

        return opened;
    }

    /// <summary>
    /// The periods with at least one local day in [<paramref name="firstDay"/>, <paramref name="lastDay"/>], earliest
    /// first: e.g. the weeks an export of a date range reads. Ad hoc windows never appear (they are data: rebuild them
    /// with <see cref="AdHoc"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="lastDay"/> is before <paramref name="firstDay"/>.</exception>
    public IEnumerable<Period> Overlapping(DateOnly firstDay, DateOnly lastDay)
    {
        if (lastDay < firstDay)
        {
            throw new ArgumentException($"The range ends ({lastDay:O}) before it starts ({firstDay:O}).", nameof(lastDay));
        }

        return IsRecurring ? RecurringOverlapping(firstDay, lastDay) : terms.Where(t => t.FirstDay <= lastDay && t.LastDay >= firstDay).Select(FromTerm);
    }

    private IEnumerable<Period> RecurringOverlapping(DateOnly firstDay, DateOnly lastDay)
    {
        for (var first = PeriodKey.FirstDayContaining(Schedule.Cadence, firstDay); first <= lastDay; first = PeriodKey.NextFirstDay(Schedule.Cadence, first))
        {
            yield return Recurring(first);
        }
    }

    private Period? Neighbour(Period period, int step)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Cadence != Schedule.Cadence)
        {
            throw new ArgumentException($"A {period.Cadence} period does not belong to a {Schedule.Cadence} timeline.", nameof(period));
        }

        if (IsRecurring)
        {
            return Recurring(PeriodKey.NextFirstDay(Schedule.Cadence, period.FirstDay, step));
        }

        var index = terms.FindIndex(t => t.Id == period.Key);
        return index >= 0 && index + step >= 0 && index + step < terms.Count ? FromTerm(terms[index + step]) : null;
    }

    private Period Recurring(DateOnly firstDay) =>
        Build(PeriodKey.Format(Schedule.Cadence, firstDay), firstDay, PeriodKey.NextFirstDay(Schedule.Cadence, firstDay).AddDays(-1));

    private Period FromTerm(Term term) => Build(term.Id, term.FirstDay, term.LastDay);

    private Period Build(string key, DateOnly firstDay, DateOnly lastDay)
    {
        var start = LocalTime.StartOfDay(firstDay, TimeZone);
        var openDay = firstDay;
        var opens = start;
        if (Schedule.Opens is { } offset)
        {
            openDay = Apply(offset, firstDay, lastDay, openDay);
            opens = LocalTime.ToInstant(openDay, offset.Time, TimeZone);
        }

        var dueDay = Apply(Schedule.Due, firstDay, lastDay, openDay);
        return new Period(
            key,
            Schedule.Cadence,
            firstDay,
            lastDay,
            start,
            LocalTime.StartOfDay(lastDay.AddDays(1), TimeZone),
            opens,
            LocalTime.ToInstant(dueDay, Schedule.Due.Time, TimeZone));
    }

    private DateOnly Apply(DayOffset offset, DateOnly firstDay, DateOnly lastDay, DateOnly openDay)
    {
        var anchor = offset.Anchor switch
        {
            DayAnchor.PeriodStart => firstDay,
            DayAnchor.PeriodEnd => lastDay,
            _ => openDay,
        };
        return offset.Unit == DayUnit.Working ? Calendar.AddWorkingDays(anchor, offset.Days) : anchor.AddDays(offset.Days);
    }

    private static void CheckOffset(DayOffset offset, string paramName)
    {
        if (Math.Abs((long)offset.Days) > WorkingDayCalendar.MaxWorkingDays)
        {
            throw new ArgumentException($"An offset of {offset.Days} days is too far; at most {WorkingDayCalendar.MaxWorkingDays} are allowed.", paramName);
        }
    }

    private static List<Term> CheckTerms(IEnumerable<Term> candidates, string paramName)
    {
        var sorted = candidates.OrderBy(t => t.FirstDay).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var term = sorted[i];
            if (!PeriodKey.IsValid(term.Id))
            {
                throw new ArgumentException($"'{term.Id}' cannot be a period key: use 1 to {PeriodKey.MaxLength} characters without / \\ # ? or control characters.", paramName);
            }

            if (term.LastDay < term.FirstDay)
            {
                throw new ArgumentException($"{term.Id} ends before it starts.", paramName);
            }

            if (i > 0 && term.FirstDay <= sorted[i - 1].LastDay)
            {
                throw new ArgumentException($"{term.Id} overlaps {sorted[i - 1].Id}.", paramName);
            }
        }

        if (sorted.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count() != sorted.Count)
        {
            throw new ArgumentException("Term ids repeat.", paramName);
        }

        return sorted;
    }
}
