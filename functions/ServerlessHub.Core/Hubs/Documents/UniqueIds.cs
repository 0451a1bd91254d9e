namespace ServerlessHub.Hubs.Documents;

/// <summary>
/// The ids of one kind of item: reports a repeated id, and remembers every id written — valid or not — so a
/// reference to a malformed id is not reported a second time as dangling.
/// </summary>
internal sealed class UniqueIds(ErrorList errors, string whatEnglish, string whatChinese, StringComparer? comparer = null)
{
    private readonly HashSet<string> valid = new(comparer ?? StringComparer.Ordinal);
    private readonly HashSet<string> declared = new(comparer ?? StringComparer.Ordinal);

    /// <summary>Records the id read from <paramref name="owner"/>'s <paramref name="name"/>; null when invalid or repeated.</summary>
    public string? Add(Properties owner, string? id, string name = "id")
    {
        if (owner[name] is ScalarNode written)
        {
            declared.Add(written.Value.Trim());
        }

        if (id is null)
        {
            return null;
        }

        if (valid.Add(id))
        {
            return id;
        }

        errors.Add(owner.PathOf(name), owner[name]?.Position, HubDefinitionErrorCodes.DuplicateId,
            $"{whatEnglish} id '{id}' is used twice", $"{whatChinese}标识 '{id}' 重复");
        return null;
    }

    /// <summary>Whether the document declares <paramref name="id"/>, well-formed or not.</summary>
    public bool Declares(string id) => declared.Contains(id);
}
