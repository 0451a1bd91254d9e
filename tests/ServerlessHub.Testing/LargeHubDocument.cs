using System.Globalization;
using System.Text;

namespace ServerlessHub.Testing;

/// <summary>
/// A large hub as the digest tests and the digest benchmark read it: units of four liaisons each, the autumn term of
/// 2026–2027, and a weekly report with a number field, a per-semester quota on it and a Monday digest to a leaders'
/// group robot.
/// </summary>
public static class LargeHubDocument
{
    public const int LiaisonsPerUnit = 4;

    /// <summary>The setting that holds the leaders' robot webhook, which the hub names.</summary>
    public const string RobotSetting = "LARGE_HUB_LEADERS_ROBOT";

    public static string UnitId(int index) => string.Create(CultureInfo.InvariantCulture, $"u{index + 1:D4}");

    /// <summary>The first of the unit's liaisons, who submits for it.</summary>
    public static string LiaisonId(int index) => string.Create(CultureInfo.InvariantCulture, $"l{index + 1:D4}");

    public static string Build(string hubId, string name, int units)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"id: {hubId}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: {name}");
        yaml.AppendLine("channels:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ id: leaders, kind: robot-webhook, webhook: \"@setting:{RobotSetting}\" }}");
        yaml.AppendLine("terms:");
        yaml.AppendLine("  - { id: 2026-2027-1, name: 2026—2027学年第一学期, firstDay: 2026-09-01, lastDay: 2027-01-22 }");
        yaml.AppendLine("units:");
        for (var i = 0; i < units; i++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ id: {UnitId(i)}, name: 第{i + 1}幼儿园 }}");
        }

        yaml.AppendLine("people:");
        for (var i = 0; i < units; i++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ userId: {LiaisonId(i)}, name: 联络员{i + 1}, unit: {UnitId(i)}, roles: [liaison] }}");
            for (var j = 1; j < LiaisonsPerUnit; j++)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ userId: {UnitId(i)}t{j}, name: 教师{i + 1}-{j}, unit: {UnitId(i)}, roles: [liaison] }}");
            }
        }

        yaml.Append("""
            reports:
              - id: weekly
                title: 周报
                cadence: weekly
                due: { from: start, days: 4, time: "17:00" }
                fields:
                  - { id: progress, label: 本周进展, type: text, required: true }
                  - { id: problems, label: 存在问题, type: text }
                  - { id: plan, label: 下周计划, type: text }
                  - { id: sessions, label: 活动场次, type: number }
                quotas:
                  - { field: sessions, atLeast: 2, per: semester }
                digests:
                  - { id: weekly-digest, template: digest-weekly, channels: [leaders], schedule: { weekday: monday, time: "09:00" }, highlights: progress, problems: problems }

            """);
        return yaml.ToString();
    }
}
