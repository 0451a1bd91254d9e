using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessHub.Hubs.Documents;

/// <summary>Reads typed values from a <see cref="DocumentNode"/> tree, reporting each problem at its path.</summary>
internal sealed partial class ValueReader(ErrorList errors)
{
    public bool Missing(Properties properties, string name)
    {
        if (properties[name] is not null)
        {
            return false;
        }

        errors.Add(properties.PathOf(name), properties.Node.Position, HubDefinitionErrorCodes.MissingProperty,
            $"'{name}' is required", $"缺少必填属性 '{name}'");
        return true;
    }

    public string? String(Properties properties, string name, bool required, int maxLength = HubDefinitionLimits.MaxNameLength)
    {
        if (required && Missing(properties, name))
        {
            return null;
        }

        return properties[name] is { } node ? String(node, properties.PathOf(name), maxLength) : null;
    }

    public string? String(DocumentNode node, string path, int maxLength = HubDefinitionLimits.MaxNameLength)
    {
        if (node is not ScalarNode scalar || scalar.IsNull)
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.ExpectedString, "expected a string", "应为字符串");
            return null;
        }

        string value = scalar.Value.Trim();
        if (value.Length == 0)
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.Blank, "must not be blank", "不能为空");
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.TooLong,
                $"is {value.Length} characters long; at most {maxLength} are allowed",
                $"长度为 {value.Length} 个字符，最多允许 {maxLength} 个");
            return null;
        }

        return value;
    }

    /// <summary>An id of a hub item: 1–40 of a-z, 0-9, '-' and '_', starting with a letter or digit.</summary>
    public string? Id(Properties properties, string name, bool required = true)
    {
        if (required && Missing(properties, name))
        {
            return null;
        }

        return properties[name] is { } node ? Id(node, properties.PathOf(name)) : null;
    }

    public string? Id(DocumentNode node, string path)
    {
        string? value = String(node, path);
        if (value is null || ItemId().IsMatch(value))
        {
            return value;
        }

        errors.Add(path, node.Position, HubDefinitionErrorCodes.BadId,
            $"'{Excerpt.Of(value)}' is not a valid id; use 1–40 lowercase letters, digits, '-' and '_', starting with a letter or digit",
            $"'{Excerpt.Of(value)}' 不是有效的标识；请使用 1–40 个小写字母、数字、'-' 或 '_'，并以字母或数字开头");
        return null;
    }

    public int? Integer(Properties properties, string name, int min, int max)
    {
        if (properties[name] is not { } node)
        {
            return null;
        }

        string path = properties.PathOf(name);
        if (node is not ScalarNode { IsPlain: true } scalar
            || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.ExpectedInteger, "expected a whole number", "应为整数");
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.OutOfRange,
                $"{value} is out of range; expected {min} to {max}", $"{value} 超出范围，应在 {min} 到 {max} 之间");
            return null;
        }

        return value;
    }

    public bool? Boolean(Properties properties, string name)
    {
        if (properties[name] is not { } node)
        {
            return null;
        }

        // YAML 1.2 core schema booleans only: "yes", "no" and "on" stay strings, which is what Norway expects.
        if (node is ScalarNode { IsPlain: true, Value: "true" or "True" or "TRUE" })
        {
            return true;
        }

        if (node is ScalarNode { IsPlain: true, Value: "false" or "False" or "FALSE" })
        {
            return false;
        }

        errors.Add(properties.PathOf(name), node.Position, HubDefinitionErrorCodes.ExpectedBoolean,
            "expected true or false", "应为 true 或 false");
        return null;
    }

    /// <summary>One of a fixed set of names, reported as "'x' is not a {what}; expected a, b, c".</summary>
    public T? OneOf<T>(Properties properties, string name, bool required, IReadOnlyList<(string Name, T Value)> options, string whatEnglish, string whatChinese)
        where T : struct
    {
        if (required && Missing(properties, name))
        {
            return null;
        }

        return properties[name] is { } node ? OneOf(node, properties.PathOf(name), options, whatEnglish, whatChinese) : null;
    }

    public T? OneOf<T>(DocumentNode node, string path, IReadOnlyList<(string Name, T Value)> options, string whatEnglish, string whatChinese)
        where T : struct
    {
        string? value = String(node, path);
        if (value is null)
        {
            return null;
        }

        foreach ((string optionName, T optionValue) in options)
        {
            if (optionName == value)
            {
                return optionValue;
            }
        }

        errors.Add(path, node.Position, HubDefinitionErrorCodes.NotOneOf,
            $"'{Excerpt.Of(value)}' is not {whatEnglish}; expected {string.Join(", ", options.Select(o => o.Name))}",
            $"'{Excerpt.Of(value)}' 不是有效的{whatChinese}，应为 {string.Join("、", options.Select(o => o.Name))} 之一");
        return null;
    }

    /// <summary>The items of a list, or null when absent (or, after reporting, when not a list or too long).</summary>
    public IReadOnlyList<DocumentNode>? List(Properties properties, string name, int maxItems, bool required = false)
    {
        if (required && Missing(properties, name))
        {
            return null;
        }

        if (properties[name] is not { } node)
        {
            return null;
        }

        string path = properties.PathOf(name);
        if (node is not SequenceNode sequence)
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.ExpectedList, "expected a list", "应为列表");
            return null;
        }

        if (sequence.Items.Count > maxItems)
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.TooMany,
                $"has {sequence.Items.Count} items; at most {maxItems} are allowed",
                $"共 {sequence.Items.Count} 项，最多允许 {maxItems} 项");
            return null;
        }

        if (required && sequence.Items.Count == 0)
        {
            errors.Add(path, node.Position, HubDefinitionErrorCodes.EmptyList, "must not be empty", "不能为空列表");
            return null;
        }

        return sequence.Items;
    }

    /// <summary>A list of distinct strings; empty when absent.</summary>
    public IReadOnlyList<string> Strings(Properties properties, string name, int maxItems, int maxLength = HubDefinitionLimits.MaxNameLength)
    {
        IReadOnlyList<DocumentNode>? items = List(properties, name, maxItems);
        if (items is null)
        {
            return [];
        }

        var values = new List<string>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(properties.PathOf(name), i);
            if (String(items[i], path, maxLength) is not { } value)
            {
                continue;
            }

            if (values.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(path, items[i].Position, HubDefinitionErrorCodes.DuplicateValue,
                    $"'{Excerpt.Of(value)}' is listed twice", $"'{Excerpt.Of(value)}' 重复出现");
                continue;
            }

            values.Add(value);
        }

        return values;
    }

    public DateOnly? Date(Properties properties, string name, bool required)
    {
        if (required && Missing(properties, name))
        {
            return null;
        }

        if (properties[name] is not { } node || String(node, properties.PathOf(name)) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        errors.Add(properties.PathOf(name), node.Position, HubDefinitionErrorCodes.BadDate,
            $"'{Excerpt.Of(value)}' is not a date; write yyyy-MM-dd, e.g. 2026-09-01",
            $"'{Excerpt.Of(value)}' 不是有效日期，请写作 yyyy-MM-dd，如 2026-09-01");
        return null;
    }

    public TimeOnly? Time(Properties properties, string name, bool required)
    {
        if (required && Missing(properties, name))
        {
            return null;
        }

        if (properties[name] is not { } node || String(node, properties.PathOf(name)) is not { } value)
        {
            return null;
        }

        if (TimeOfDay().IsMatch(value)
            && TimeOnly.TryParseExact(value.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly time))
        {
            return time;
        }

        errors.Add(properties.PathOf(name), node.Position, HubDefinitionErrorCodes.BadTime,
            $"'{Excerpt.Of(value)}' is not a time of day; write HH:mm from 00:00 to 23:59, e.g. \"17:00\"",
            $"'{Excerpt.Of(value)}' 不是有效时刻，请写作 HH:mm（00:00 至 23:59），如 \"17:00\"");
        return null;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,39}\z")]
    private static partial Regex ItemId();

    [GeneratedRegex(@"^[0-9]{1,2}:[0-9]{2}\z")]
    private static partial Regex TimeOfDay();
}
