namespace ServerlessHub.Hubs;

/// <summary>The statutory calendar a hub follows.</summary>
public enum StatutoryCalendar
{
    /// <summary>Mainland China: public holidays and make-up workdays (调休) from the State Council notices
    /// (written <c>cn</c>).</summary>
    China,
}

/// <summary>
/// A hub's working days: the <see cref="Statutory"/> calendar, then <see cref="DaysOff"/> (such as 寒假 and 暑假 for
/// schools) taken out, then <see cref="WorkingDays"/> put back in.
/// </summary>
/// <param name="Statutory">The statutory calendar.</param>
/// <param name="DaysOff">Extra days off, beyond the statutory ones.</param>
/// <param name="WorkingDays">Extra working days, such as a Saturday the body works.</param>
public sealed record HubCalendar(StatutoryCalendar Statutory, IReadOnlyList<CalendarDays> DaysOff, IReadOnlyList<CalendarDays> WorkingDays);

/// <summary>Consecutive local days, <paramref name="First"/> to <paramref name="Last"/> inclusive, with the reason.</summary>
/// <param name="First">The first day.</param>
/// <param name="Last">The last day (equal to <paramref name="First"/> for a single day).</param>
/// <param name="Reason">Why, e.g. 寒假.</param>
public sealed record CalendarDays(DateOnly First, DateOnly Last, string Reason);
