using System.Text.RegularExpressions;
using ServerlessHub.Hubs.Documents;

namespace ServerlessHub.Hubs;

internal sealed partial class HubDocumentBinder
{
    private static readonly string[] FieldProperties = ["id", "label", "aliases", "type", "required", "choices", "maxLength"];
    private static readonly string[] DigestProperties = ["id", "template", "channels", "schedule", "highlights", "problems"];
    private static readonly string[] DigestScheduleProperties = ["weekday", "time", "onDaysOff"];
    private static readonly string[] QuotaProperties = ["field", "atLeast", "per"];
    private static readonly (string, DaysOffRule)[] DaysOffRules = [("next", DaysOffRule.NextWorkingDay), ("post", DaysOffRule.Post)];
    private static readonly (string, QuotaSpan)[] QuotaSpans = [("semester", QuotaSpan.Semester), ("year", QuotaSpan.Year)];

    private static readonly (string, FieldType)[] FieldTypes =
        [("text", FieldType.Text), ("number", FieldType.Number), ("choice", FieldType.Choice), ("date", FieldType.Date)];

    private static readonly (string, DayOfWeek)[] Weekdays =
    [
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday), ("sunday", DayOfWeek.Sunday),
    ];

    private List<Field> Fields(Properties report)
    {
        var found = new List<Field>();
        var ids = new UniqueIds(errors, "field", "字段");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<DocumentNode> items = read.List(report, "fields", HubDefinitionLimits.MaxFields, required: true) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(report.PathOf("fields"), i);
            if (Properties.Open(items[i], path, errors, FieldProperties) is not { } field)
            {
                continue;
            }

            string? id = ids.Add(field, read.Id(field, "id"));
            string? label = read.String(field, "label", required: true);
            IReadOnlyList<string> aliases = read.Strings(field, "aliases", HubDefinitionLimits.MaxAliases);
            Labels(field, label, aliases, labels, id ?? path);
            FieldType? type = read.OneOf(field, "type", required: true, FieldTypes, "a field type", "字段类型");
            bool required = read.Boolean(field, "required") ?? false;
            IReadOnlyList<string> choices = read.Strings(field, "choices", HubDefinitionLimits.MaxChoices);
            int? maxLength = read.Integer(field, "maxLength", 1, HubDefinitionLimits.MaxTextLength);
            if (type is { } t)
            {
                FieldRules(field, t);
            }

            if (id is not null && label is not null && type is { } fieldType)
            {
                found.Add(new Field(
                    id, label, aliases, fieldType, required, choices,
                    fieldType == FieldType.Text ? maxLength ?? HubDefinitionLimits.DefaultTextLength : null));
            }
        }

        return found;
    }

    // In chat a member writes "本周进展：…"; each label and alias must lead to one field.
    private void Labels(Properties field, string? label, IReadOnlyList<string> aliases, Dictionary<string, string> labels, string owner)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        if (label is not null && own.Add(label))
        {
            Label(field.PathOf("label"), field["label"]!.Position, label, labels, owner);
        }

        if (field["aliases"] is not SequenceNode written)
        {
            return;
        }

        for (int i = 0; i < written.Items.Count; i++)
        {
            if (written.Items[i] is ScalarNode alias && alias.Value.Trim() is var name && aliases.Contains(name) && own.Add(name))
            {
                Label(Properties.Index(field.PathOf("aliases"), i), alias.Position, name, labels, owner);
            }
        }
    }

    private void Label(string path, SourcePosition position, string name, Dictionary<string, string> labels, string owner)
    {
        if (!labels.TryAdd(name, owner))
        {
            errors.Add(path, position, HubDefinitionErrorCodes.DuplicateId,
                $"'{Excerpt.Of(name)}' already names field '{labels[name]}'; labels and aliases must be unique in a report",
                $"'{Excerpt.Of(name)}' 已是字段 '{labels[name]}' 的名称；同一报送类型中字段的标签和别名不能重复");
        }
    }

    private void FieldRules(Properties field, FieldType type)
    {
        if (type == FieldType.Choice && field["choices"] is null)
        {
            errors.Add(field.PathOf("choices"), field.Node.Position, HubDefinitionErrorCodes.NoChoices,
                "a choice field needs 'choices'", "选择型字段需要填写 'choices'（选项）");
        }
        else if (type == FieldType.Choice && field["choices"] is SequenceNode { Items.Count: 0 } empty)
        {
            errors.Add(field.PathOf("choices"), empty.Position, HubDefinitionErrorCodes.NoChoices,
                "a choice field needs at least one choice", "选择型字段至少需要一个选项");
        }

        if (type != FieldType.Choice && field["choices"] is { } choices)
        {
            errors.Add(field.PathOf("choices"), choices.Position, HubDefinitionErrorCodes.PropertyNotAllowed,
                "'choices' applies only to type 'choice'", "'choices' 仅适用于 choice 类型的字段");
        }

        if (type != FieldType.Text && field["maxLength"] is { } maxLength)
        {
            errors.Add(field.PathOf("maxLength"), maxLength.Position, HubDefinitionErrorCodes.PropertyNotAllowed,
                "'maxLength' applies only to type 'text'", "'maxLength' 仅适用于 text 类型的字段");
        }
    }

    private List<Digest> Digests(Properties report, UniqueIds digestIds, IReadOnlyList<Field> fields)
    {
        var found = new List<Digest>();
        IReadOnlyList<DocumentNode> items = read.List(report, "digests", HubDefinitionLimits.MaxDigests) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(report.PathOf("digests"), i);
            if (Properties.Open(items[i], path, errors, DigestProperties) is not { } digest)
            {
                continue;
            }

            string? id = digestIds.Add(digest, read.Id(digest, "id"));
            string? template = TemplateName(digest);
            List<string> channelIds = DigestChannels(digest);
            DigestSchedule? schedule = read.Missing(digest, "schedule") ? null : DigestSchedule(digest["schedule"]!, digest.PathOf("schedule"));
            string? highlights = FieldReference(digest, "highlights", fields, FieldType.Text);
            string? problems = FieldReference(digest, "problems", fields, FieldType.Text);
            if (id is not null && template is not null && channelIds.Count > 0 && schedule is not null)
            {
                found.Add(new Digest(id, template, channelIds, schedule, highlights, problems));
            }
        }

        return found;
    }

    private string? TemplateName(Properties digest)
    {
        if (read.String(digest, "template", required: true) is not { } name)
        {
            return null;
        }

        if (Template().IsMatch(name))
        {
            return name;
        }

        errors.Add(digest.PathOf("template"), digest["template"]!.Position, HubDefinitionErrorCodes.BadId,
            $"'{Excerpt.Of(name)}' is not a template name; use 1–64 lowercase letters, digits and '-', as in templates/digest-weekly.scriban",
            $"'{Excerpt.Of(name)}' 不是有效的模板名称；请使用 1–64 个小写字母、数字或 '-'，如 templates/digest-weekly.scriban 中的 digest-weekly");
        return null;
    }

    private List<string> DigestChannels(Properties digest)
    {
        var found = new List<string>();
        IReadOnlyList<DocumentNode> items = read.List(digest, "channels", HubDefinitionLimits.MaxChannels, required: true) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(digest.PathOf("channels"), i);
            if (ChannelReference(items[i], path) is not { } id || found.Contains(id))
            {
                continue;
            }

            // A digest has no audience of its own, so an app-users channel must name its recipients.
            if (channels.Find(c => c.Id == id) is AppUsersChannel { People.Count: 0, Roles.Count: 0 })
            {
                errors.Add(path, items[i].Position, HubDefinitionErrorCodes.NoDelivery,
                    $"channel '{id}' names no people or roles, so a digest posted there reaches nobody",
                    $"渠道 '{id}' 未指定 people 或 roles，汇总发到该渠道将无人接收");
                continue;
            }

            found.Add(id);
        }

        return found;
    }

    private DigestSchedule? DigestSchedule(DocumentNode node, string path)
    {
        if (Properties.Open(node, path, errors, DigestScheduleProperties) is not { } schedule)
        {
            return null;
        }

        DayOfWeek? day = read.OneOf(schedule, "weekday", required: true, Weekdays, "a weekday", "星期");
        TimeOnly? time = read.Time(schedule, "time", required: true);
        DaysOffRule onDaysOff = read.OneOf(schedule, "onDaysOff", required: false, DaysOffRules, "next or post", "next 或 post") ?? DaysOffRule.NextWorkingDay;
        return day is { } d && time is { } t ? new DigestSchedule(d, t, onDaysOff) : null;
    }

    private List<Quota> Quotas(Properties report, IReadOnlyList<Field> fields)
    {
        var found = new List<Quota>();
        IReadOnlyList<DocumentNode> items = read.List(report, "quotas", HubDefinitionLimits.MaxQuotas) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(report.PathOf("quotas"), i);
            if (Properties.Open(items[i], path, errors, QuotaProperties) is not { } quota)
            {
                continue;
            }

            if (read.Missing(quota, "field") | read.Missing(quota, "atLeast"))
            {
                continue;
            }

            string? field = FieldReference(quota, "field", fields, FieldType.Number);
            int? atLeast = read.Integer(quota, "atLeast", 1, 100_000);
            QuotaSpan per = read.OneOf(quota, "per", required: false, QuotaSpans, "semester or year", "semester 或 year") ?? QuotaSpan.Semester;
            if (per == QuotaSpan.Semester && !termsDeclared)
            {
                errors.Add(quota.PathOf("per"), (quota["per"] ?? items[i]).Position, HubDefinitionErrorCodes.NoTerms,
                    "a quota per semester needs the hub's terms; declare terms or use per: year",
                    "按学期统计的指标需要中枢的 terms（学期）；请声明学期，或改用 per: year");
                continue;
            }

            if (field is not null && atLeast is { } target)
            {
                found.Add(new Quota(field, target, per));
            }
        }

        return found;
    }

    /// <summary>An optional reference to one of the kind's fields, which must be of <paramref name="type"/>.</summary>
    private string? FieldReference(Properties owner, string name, IReadOnlyList<Field> fields, FieldType type)
    {
        if (read.String(owner, name, required: false) is not { } id)
        {
            return null;
        }

        var path = owner.PathOf(name);
        var position = owner[name]!.Position;
        if (fields.FirstOrDefault(f => f.Id == id) is not { } field)
        {
            errors.Add(path, position, HubDefinitionErrorCodes.UnknownReference,
                $"the report kind has no field '{Excerpt.Of(id)}'", $"该报送类型没有字段 '{Excerpt.Of(id)}'");
            return null;
        }

        if (field.Type != type)
        {
            var wanted = type == FieldType.Number ? ("number", "数字") : ("text", "文本");
            errors.Add(path, position, HubDefinitionErrorCodes.WrongFieldType,
                $"field '{id}' is not of type {wanted.Item1}", $"字段 '{id}' 不是{wanted.Item2}（{wanted.Item1}）类型");
            return null;
        }

        return id;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,63}\z")]
    private static partial Regex Template();
}
