namespace ServerlessHub.Calendar;

/// <summary>Consecutive local days from <see cref="First"/> to <see cref="Last"/>, both included.</summary>
public readonly record struct DateRange
{
    /// <summary>Creates the range; a single day has <paramref name="first"/> equal to <paramref name="last"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>.</exception>
    public DateRange(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The range ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).", nameof(last));
        }

        First = first;
        Last = last;
    }

    /// <summary>The first day of the range.</summary>
    public DateOnly First { get; }

    /// <summary>The last day of the range (included).</summary>
    public DateOnly Last { get; }

    /// <summary>The number of days in the range, at least 1.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>A range of one day.</summary>
    public static DateRange Day(DateOnly day) => new(day, day);

    /// <summary>Whether <paramref name="day"/> lies in the range.</summary>
    public bool Contains(DateOnly day) => First <= day && day <= Last;
}
