namespace ServerlessHub.Hubs;

/// <summary>The stable codes of <see cref="HubDefinitionError"/>. Clients may switch on them; they never change meaning.</summary>
public static class HubDefinitionErrorCodes
{
    /// <summary>The text is not well-formed YAML.</summary>
    public const string YamlSyntax = "syntax.yaml";
    /// <summary>The text starts like JSON (<c>{</c> or <c>[</c>) and is not well-formed JSON.</summary>
    public const string JsonSyntax = "syntax.json";
    /// <summary>A YAML alias (<c>*name</c>): aliases are not supported, which rules out alias-expansion bombs.</summary>
    public const string Alias = "syntax.alias";
    /// <summary>A YAML tag other than <c>!!str</c>.</summary>
    public const string Tag = "syntax.tag";
    /// <summary>A mapping key that is not a plain string (a YAML complex key).</summary>
    public const string ComplexKey = "syntax.complexKey";
    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "syntax.duplicateKey";
    /// <summary>Nesting deeper than <see cref="HubDefinitionLimits.MaxDepth"/>.</summary>
    public const string TooDeep = "syntax.tooDeep";
    /// <summary>More than one YAML document in the text.</summary>
    public const string MultipleDocuments = "syntax.multipleDocuments";
    /// <summary>The text holds no document.</summary>
    public const string Empty = "document.empty";
    /// <summary>The text is longer than <see cref="HubDefinitionLimits.MaxDocumentBytes"/>.</summary>
    public const string TooLarge = "document.tooLarge";
    /// <summary>More errors were found than are reported.</summary>
    public const string TooManyErrors = "document.tooManyErrors";

    /// <summary>A mapping was expected.</summary>
    public const string ExpectedMapping = "type.mapping";
    /// <summary>A list was expected.</summary>
    public const string ExpectedList = "type.list";
    /// <summary>A string was expected.</summary>
    public const string ExpectedString = "type.string";
    /// <summary>An integer was expected.</summary>
    public const string ExpectedInteger = "type.integer";
    /// <summary>true or false was expected.</summary>
    public const string ExpectedBoolean = "type.boolean";

    /// <summary>A property the format does not know (the message suggests a close known name).</summary>
    public const string UnknownProperty = "property.unknown";
    /// <summary>A required property is missing or null.</summary>
    public const string MissingProperty = "property.missing";
    /// <summary>A property that does not apply here (for example <c>choices</c> on a text field).</summary>
    public const string PropertyNotAllowed = "property.notAllowed";
    /// <summary>Two properties that exclude each other (for example <c>days</c> and <c>workingDays</c>).</summary>
    public const string ConflictingProperties = "property.conflict";

    /// <summary>A value outside a fixed set (cadence, field type, role, ...).</summary>
    public const string NotOneOf = "value.notOneOf";
    /// <summary>An id that is not a slug of the required shape.</summary>
    public const string BadId = "value.id";
    /// <summary>A string that is empty or only white space.</summary>
    public const string Blank = "value.blank";
    /// <summary>A string longer than allowed.</summary>
    public const string TooLong = "value.tooLong";
    /// <summary>A number outside its range.</summary>
    public const string OutOfRange = "value.range";
    /// <summary>A date not in the form yyyy-MM-dd, or not a real date.</summary>
    public const string BadDate = "value.date";
    /// <summary>A time of day not in the form HH:mm (00:00 to 23:59).</summary>
    public const string BadTime = "value.time";
    /// <summary>A time zone that is not a known IANA id.</summary>
    public const string BadTimeZone = "value.timeZone";
    /// <summary>A reminder offset not in the reminder grammar (<c>0</c>, <c>-1d</c>, <c>-2h</c>, <c>+3wd</c>).</summary>
    public const string BadReminderOffset = "value.reminderOffset";
    /// <summary><c>sendingHours</c> ends before or when it starts.</summary>
    public const string BadSendingHours = "value.sendingHours";
    /// <summary>A WeCom identifier (user id, chat id, corp id, bot id) or inline key of the wrong shape.</summary>
    public const string BadWeComId = "value.wecomId";
    /// <summary>A date range whose last day is before its first day, or that is too long.</summary>
    public const string BadDateRange = "value.dateRange";
    /// <summary>The same value twice in a list that must not repeat (roles, choices, aliases).</summary>
    public const string DuplicateValue = "value.duplicate";

    /// <summary>A secret written inline without <c>allowInlineSecrets: true</c>.</summary>
    public const string InlineSecret = "secret.inline";
    /// <summary>A string starting with <c>@</c> that is neither <c>@setting:NAME</c> nor a Key Vault reference.</summary>
    public const string BadSecretReference = "secret.reference";

    /// <summary>A list longer than its limit in <see cref="HubDefinitionLimits"/>.</summary>
    public const string TooMany = "list.tooMany";
    /// <summary>A list that must have at least one item is empty.</summary>
    public const string EmptyList = "list.empty";
    /// <summary>Two items of one kind share an id (or two report kinds share a chat alias, two fields a label).</summary>
    public const string DuplicateId = "id.duplicate";
    /// <summary>A reference to a unit, person, channel or term that does not exist.</summary>
    public const string UnknownReference = "reference.unknown";

    /// <summary>A reminder step goes to coordinators or leaders and the hub has none.</summary>
    public const string NoAudience = "reminder.noAudience";
    /// <summary>Something must be delivered and nothing can deliver it (no WeCom app and no channel).</summary>
    public const string NoDelivery = "delivery.none";
    /// <summary>A semester cadence and a hub with no terms.</summary>
    public const string NoTerms = "cadence.noTerms";
    /// <summary>A once cadence without its window, or a window on another cadence.</summary>
    public const string BadWindow = "cadence.window";
    /// <summary>An opening time that counts from the opening itself.</summary>
    public const string BadAnchor = "offset.anchor";
    /// <summary>A choice field with no choices.</summary>
    public const string NoChoices = "field.noChoices";
    /// <summary>A unit expected to submit has no liaison.</summary>
    public const string NoLiaison = "unit.noLiaison";
    /// <summary>A digest or quota names a field of the wrong type (highlights and problems need text, quotas a number).</summary>
    public const string WrongFieldType = "field.wrongType";
    /// <summary>A template that does not parse, or a digest naming a template that exists neither in the hub nor among the built-ins.</summary>
    public const string BadTemplate = "template.invalid";
    /// <summary>Two school terms overlap.</summary>
    public const string OverlappingTerms = "term.overlap";
}
