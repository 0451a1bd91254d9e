namespace ServerlessHub.Hubs;

/// <summary>A small valid hub definition for tests to break one thing at a time.</summary>
internal static class HubDocuments
{
    public const string Minimal = """
        id: test-hub
        name: 测试协作体
        wecom:
          corpId: ww0123456789abcdef
          agentId: 1000002
          token: "@setting:T"
          encodingAesKey: "@setting:K"
          secret: "@setting:S"
        channels:
          - { id: leaders, kind: robot-webhook, webhook: "@setting:ROBOT" }
        units:
          - { id: a, name: 甲单位 }
          - { id: b, name: 乙单位 }
        people:
          - { userId: zhang, name: 张三, unit: a, roles: [liaison] }
          - { userId: li, name: 李四, unit: b, roles: [liaison, coordinator] }
          - { userId: wang, name: 王五, roles: [leader] }
        reports:
          - id: weekly
            title: 周报
            cadence: weekly
            due: { from: start, days: 4, time: "17:00" }
            fields:
              - { id: progress, label: 本周进展, type: text, required: true }
              - { id: problems, label: 存在问题, type: text }
              - { id: sessions, label: 活动场次, type: number }
            reminders:
              - { at: -1d, to: submitter }
              - { at: +1wd, to: coordinator }
              - { at: +3wd, to: leader, channel: leaders }
        """;

    public const string MinimalJson = """
        {
          "id": "test-hub",
          "name": "测试协作体",
          "wecom": { "corpId": "ww0123456789abcdef", "agentId": 1000002, "token": "@setting:T", "encodingAesKey": "@setting:K", "secret": "@setting:S" },
          "channels": [ { "id": "leaders", "kind": "robot-webhook", "webhook": "@setting:ROBOT" } ],
          "units": [ { "id": "a", "name": "甲单位" }, { "id": "b", "name": "乙单位" } ],
          "people": [
            { "userId": "zhang", "name": "张三", "unit": "a", "roles": ["liaison"] },
            { "userId": "li", "name": "李四", "unit": "b", "roles": ["liaison", "coordinator"] },
            { "userId": "wang", "name": "王五", "roles": ["leader"] }
          ],
          "reports": [
            {
              "id": "weekly", "title": "周报", "cadence": "weekly",
              "due": { "from": "start", "days": 4, "time": "17:00" },
              "fields": [
                { "id": "progress", "label": "本周进展", "type": "text", "required": true },
                { "id": "problems", "label": "存在问题", "type": "text" },
                { "id": "sessions", "label": "活动场次", "type": "number" }
              ],
              "reminders": [
                { "at": "-1d", "to": "submitter" },
                { "at": "+1wd", "to": "coordinator" },
                { "at": "+3wd", "to": "leader", "channel": "leaders" }
              ]
            }
          ]
        }
        """;

    /// <summary><see cref="Minimal"/> with one piece of text replaced; fails loudly if the piece is not there once.</summary>
    public static string MinimalWith(string find, string replacement) => Replace(Minimal, find, replacement);

    public static string Replace(string document, string find, string replacement)
    {
        int at = document.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || document.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{find}' must occur exactly once", nameof(find));
        }

        return string.Concat(document.AsSpan(0, at), replacement, document.AsSpan(at + find.Length));
    }
}
