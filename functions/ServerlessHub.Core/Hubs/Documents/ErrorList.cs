namespace ServerlessHub.Hubs.Documents;

/// <summary>Collects errors up to <see cref="HubDefinitionLimits.MaxErrors"/>, prefixing each message with where it is.</summary>
internal sealed class ErrorList
{
    private readonly List<HubDefinitionError> errors = [];
    private bool truncated;

    public bool Any => errors.Count > 0;

    /// <summary>Errors so far, counting those beyond the limit, so a section can tell whether it added any.</summary>
    public int Count { get; private set; }

    /// <summary>An error at a property path (empty for the document itself).</summary>
    public void Add(string path, SourcePosition? position, string code, string english, string chinese)
    {
        string whereEn = path.Length == 0 ? "document" : path;
        string whereZh = path.Length == 0 ? "文档" : path;
        Append(new HubDefinitionError(path, code, $"{whereEn}: {english}", $"{whereZh}：{chinese}", position?.Line, position?.Column));
    }

    /// <summary>A syntax error, located by line and column rather than by path.</summary>
    public void AddSyntax(SourcePosition position, string code, string english, string chinese) =>
        Append(new HubDefinitionError(
            "",
            code,
            $"line {position.Line}, column {position.Column}: {english}",
            $"第 {position.Line} 行第 {position.Column} 列：{chinese}",
            position.Line,
            position.Column));

    public IReadOnlyList<HubDefinitionError> ToList()
    {
        if (!truncated)
        {
            return [.. errors];
        }

        return
        [
            .. errors,
            new HubDefinitionError(
                "",
                HubDefinitionErrorCodes.TooManyErrors,
                $"more than {HubDefinitionLimits.MaxErrors} errors; only the first {HubDefinitionLimits.MaxErrors} are shown",
                $"错误超过 {HubDefinitionLimits.MaxErrors} 个，仅列出前 {HubDefinitionLimits.MaxErrors} 个"),
        ];
    }

    private void Append(HubDefinitionError error)
    {
        Count++;
        if (errors.Count < HubDefinitionLimits.MaxErrors)
        {
            errors.Add(error);
        }
        else
        {
            truncated = true;
        }
    }
}
