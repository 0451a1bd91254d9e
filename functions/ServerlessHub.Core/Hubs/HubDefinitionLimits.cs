namespace ServerlessHub.Hubs;

/// <summary>
/// Bounds on a hub definition, so a hostile or mistaken document cannot exhaust memory or time. Each is far above
/// what a real collaboration body needs (the largest we know has about twenty member units).
/// </summary>
public static class HubDefinitionLimits
{
    /// <summary>The largest document accepted, in UTF-8 bytes (256 KiB). Callers check it before reading the whole
    /// body; the parser checks it again.</summary>
    public const int MaxDocumentBytes = 256 * 1024;
    /// <summary>The deepest nesting of mappings and lists (the format itself needs 6).</summary>
    public const int MaxDepth = 32;
    /// <summary>The most errors reported for one document.</summary>
    public const int MaxErrors = 100;
    /// <summary>Member units per hub.</summary>
    public const int MaxUnits = 2000;
    /// <summary>People per hub.</summary>
    public const int MaxPeople = 10000;
    /// <summary>Report kinds per hub.</summary>
    public const int MaxReports = 100;
    /// <summary>Fields per report kind.</summary>
    public const int MaxFields = 50;
    /// <summary>Choices per choice field.</summary>
    public const int MaxChoices = 50;
    /// <summary>Chat aliases per report kind or field.</summary>
    public const int MaxAliases = 20;
    /// <summary>Steps per reminder ladder.</summary>
    public const int MaxReminderSteps = 20;
    /// <summary>Digests per report kind.</summary>
    public const int MaxDigests = 10;
    /// <summary>The most later periods a period may wait for late submissions and revisions (a year of weeks).</summary>
    public const int MaxAcceptLateFor = 53;
    /// <summary>Quotas per report kind.</summary>
    public const int MaxQuotas = 10;
    /// <summary>The hub's own templates.</summary>
    public const int MaxTemplates = 20;
    /// <summary>The longest template source, in characters.</summary>
    public const int MaxTemplateLength = 32 * 1024;
    /// <summary>Channels per hub.</summary>
    public const int MaxChannels = 100;
    /// <summary>School terms per hub.</summary>
    public const int MaxTerms = 40;
    /// <summary>Extra days-off ranges, and extra working days, per hub calendar.</summary>
    public const int MaxCalendarRanges = 400;
    /// <summary>The longest extra days-off range, in days.</summary>
    public const int MaxRangeDays = 366;
    /// <summary>The longest name, title, label, alias, choice or reason, in characters.</summary>
    public const int MaxNameLength = 100;
    /// <summary>The largest <c>maxLength</c> a text field may declare, in characters.</summary>
    public const int MaxTextLength = 20000;
    /// <summary>The <c>maxLength</c> of a text field that declares none.</summary>
    public const int DefaultTextLength = 2000;
    /// <summary>The largest day count in an offset or reminder step.</summary>
    public const int MaxOffsetDays = 366;
    /// <summary>The longest secret, reference or webhook, in characters.</summary>
    public const int MaxSecretLength = 1024;
}
