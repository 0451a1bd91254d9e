using System.Text.RegularExpressions;
using ServerlessHub.Hubs.Documents;

namespace ServerlessHub.Hubs;

internal sealed partial class HubDocumentBinder
{
    private static readonly string[] UnitProperties = ["id", "name"];
    private static readonly string[] PersonProperties = ["userId", "name", "unit", "roles"];

    private static readonly (string, PersonRole)[] Roles =
        [("liaison", PersonRole.Liaison), ("coordinator", PersonRole.Coordinator), ("leader", PersonRole.Leader)];

    private List<Unit> Units(Properties hub)
    {
        var found = new List<Unit>();
        IReadOnlyList<DocumentNode> items = read.List(hub, "units", HubDefinitionLimits.MaxUnits, required: true) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            if (Properties.Open(items[i], Properties.Index(hub.PathOf("units"), i), errors, UnitProperties) is not { } unit)
            {
                continue;
            }

            string? id = unitIds.Add(unit, read.Id(unit, "id"));
            string? name = read.String(unit, "name", required: true);
            if (id is not null && name is not null)
            {
                found.Add(new Unit(id, name));
            }
        }

        return found;
    }

    private List<Person> People(Properties hub)
    {
        int errorsBefore = errors.Count;
        var found = new List<Person>();
        IReadOnlyList<DocumentNode> items = read.List(hub, "people", HubDefinitionLimits.MaxPeople) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(hub.PathOf("people"), i);
            if (Properties.Open(items[i], path, errors, PersonProperties) is not { } person)
            {
                continue;
            }

            string? userId = personIds.Add(person, UserId(person), "userId");
            string? name = read.String(person, "name", required: true);
            string? unit = UnitReference(person, "unit");
            List<PersonRole> roles = PersonRoles(person);
            if (roles.Contains(PersonRole.Liaison) && person["unit"] is null)
            {
                errors.Add(person.PathOf("unit"), person.Node.Position, HubDefinitionErrorCodes.MissingProperty,
                    "'unit' is required for a liaison", "联络员必须填写所属单位 'unit'");
            }

            if (userId is not null && name is not null && roles.Count > 0)
            {
                found.Add(new Person(userId, name, unit, roles));
            }
        }

        peopleValid = errors.Count == errorsBefore;
        return found;
    }

    // WeCom: a user id is 1–64 bytes of letters, digits and "_-@.", starting with a letter or digit
    // (developer.work.weixin.qq.com, 通讯录管理 / 创建成员).
    private string? UserId(Properties person)
    {
        if (read.String(person, "userId", required: true, 64) is not { } value)
        {
            return null;
        }

        if (WeComUserId().IsMatch(value))
        {
            return value;
        }

        errors.Add(person.PathOf("userId"), person["userId"]!.Position, HubDefinitionErrorCodes.BadWeComId,
            $"'{Excerpt.Of(value)}' is not a WeCom user id; use 1–64 letters, digits and _-@. starting with a letter or digit",
            $"'{Excerpt.Of(value)}' 不是有效的企业微信 UserID，应为 1–64 个字母、数字或 _-@.，并以字母或数字开头");
        return null;
    }

    private List<PersonRole> PersonRoles(Properties person)
    {
        var roles = new List<PersonRole>();
        IReadOnlyList<DocumentNode> items = read.List(person, "roles", Roles.Length + 1, required: true) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            string path = Properties.Index(person.PathOf("roles"), i);
            if (read.OneOf(items[i], path, Roles, "a role", "角色") is not { } role)
            {
                continue;
            }

            if (roles.Contains(role))
            {
                errors.Add(path, items[i].Position, HubDefinitionErrorCodes.DuplicateValue,
                    "the role is listed twice", "角色重复");
                continue;
            }

            roles.Add(role);
        }

        return roles;
    }

    /// <summary>An optional reference to a unit; reported when the hub declares no such unit.</summary>
    private string? UnitReference(Properties owner, string name) =>
        owner[name] is { } node ? UnitReference(node, owner.PathOf(name)) : null;

    private string? UnitReference(DocumentNode node, string path)
    {
        if (read.Id(node, path) is not { } id)
        {
            return null;
        }

        if (unitIds.Declares(id))
        {
            return id;
        }

        errors.Add(path, node.Position, HubDefinitionErrorCodes.UnknownReference,
            $"there is no unit '{id}' in 'units'", $"'units' 中没有标识为 '{id}' 的单位");
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_@.-]{0,63}\z")]
    private static partial Regex WeComUserId();
}
