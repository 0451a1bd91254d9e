using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessHub.Calendar;

/// <summary>
/// The China statutory days off and make-up workdays (调休) shipped in <c>Calendar/Data/cn-*.json</c>, one file per
/// year as announced by the State Council General Office (see <c>Calendar/Data/README.md</c>).
/// </summary>
internal sealed class StatutoryHolidays
{
    private const string ResourcePrefix = "ServerlessHub.Calendar.Data.cn-";

    private StatutoryHolidays(FrozenDictionary<DateOnly, bool> days, FrozenSet<int> years)
    {
        Days = days;
        Years = years;
    }

    /// <summary>The data embedded in this assembly, read once.</summary>
    public static StatutoryHolidays China { get; } = Load();

    /// <summary>Dates whose status differs from the plain week, mapped to whether they are working days.</summary>
    public FrozenDictionary<DateOnly, bool> Days { get; }

    /// <summary>The years with data.</summary>
    public FrozenSet<int> Years { get; }

    private static StatutoryHolidays Load()
    {
        var assembly = typeof(StatutoryHolidays).Assembly;
        var days = new Dictionary<DateOnly, bool>();
        var years = new HashSet<int>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = Read(assembly, name);
            if (!years.Add(file.Year))
            {
                throw new InvalidDataException($"{name}: the year {file.Year} appears in two files.");
            }

            foreach (var holiday in file.Holidays)
            {
                foreach (var day in holiday.DaysOff.SelectMany(r => Expand(name, file.Year, r)))
                {
                    Add(name, days, day, working: false);
                }

                foreach (var day in holiday.Workdays.SelectMany(r => Expand(name, file.Year, r)))
                {
                    // A make-up workday moves work onto a weekend; one on a weekday would mean a typo in the file.
                    if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    {
                        throw new InvalidDataException($"{name}: the make-up workday {day:yyyy-MM-dd} is not a Saturday or Sunday.");
                    }

                    Add(name, days, day, working: true);
                }
            }
        }

        return new StatutoryHolidays(days.ToFrozenDictionary(), years.ToFrozenSet());
    }

    private static StatutoryYearFile Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The embedded resource {name} cannot be opened.");
        return JsonSerializer.Deserialize(stream, StatutoryHolidaysJsonContext.Default.StatutoryYearFile)
            ?? throw new InvalidDataException($"{name} is empty.");
    }

    private static void Add(string name, Dictionary<DateOnly, bool> days, DateOnly day, bool working)
    {
        if (!days.TryAdd(day, working))
        {
            throw new InvalidDataException($"{name}: {day:yyyy-MM-dd} is listed twice.");
        }
    }

    private static IEnumerable<DateOnly> Expand(string name, int year, string text)
    {
        var parts = text.Split('/');
        var first = ParseDate(name, parts[0]);
        var last = parts.Length == 2 ? ParseDate(name, parts[1]) : first;
        if (parts.Length > 2 || last < first || first.Year != year || last.Year != year)
        {
            throw new InvalidDataException($"{name}: '{text}' is not a date or range within {year}.");
        }

        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static DateOnly ParseDate(string name, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{name}: '{text}' is not a yyyy-MM-dd date.");
}

internal sealed record StatutoryYearFile(int Year, StatutoryNotice Notice, IReadOnlyList<StatutoryHoliday> Holidays);

internal sealed record StatutoryNotice(string Title, Uri Url);

internal sealed record StatutoryHoliday(string Name, IReadOnlyList<string> DaysOff, IReadOnlyList<string> Workdays);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(StatutoryYearFile))]
internal sealed partial class StatutoryHolidaysJsonContext : JsonSerializerContext;
