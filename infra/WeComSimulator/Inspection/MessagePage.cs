using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.WeCom.Simulation.Inspection;

/// <summary>A plain zh-CN page listing received messages, newest first, refreshing itself every few seconds.</summary>
internal static class MessagePage
{
    public static ContentHttpResult Render(MessageLog log, SimulatorClock clock, WeComSimulatorOptions options)
    {
        var messages = log.Snapshot();
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>企业微信模拟器 · 已收到的消息</title>
            <style>
            body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#222}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.4rem .6rem;vertical-align:top;text-align:left}
            th{background:#f4f6f8}pre{margin:0;white-space:pre-wrap;word-break:break-all;font-family:inherit}
            .muted{color:#777;font-size:.9em}
            form{margin:1rem 0;padding:.8rem;border:1px solid #ddd;background:#fafbfc}textarea{width:100%;min-height:5rem;font-family:inherit}
            </style></head><body>
            <h1>企业微信模拟器</h1>
            """);
        html.Append(SayForm(options));
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">共收到 {messages.Count} 条消息（<a href=\"/\">刷新</a>）。更新于 {clock.Time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC。JSON：<a href=\"/_sim/messages\">/_sim/messages</a></p>");
        if (messages.Count == 0)
        {
            html.Append("<p>暂无消息。</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>#</th><th>时间（UTC）</th><th>渠道</th><th>发送到</th><th>类型</th><th>内容</th></tr></thead><tbody>");
            foreach (var message in messages.Reverse())
            {
                var target = Encode(message.Destination)
                    + (message.Recipients is null ? "" : $"<br><span class=\"muted\">{Encode(message.Recipients)}</span>");
                html.Append(CultureInfo.InvariantCulture, $"""
                    <tr><td>{message.Sequence}</td><td>{message.ReceivedAt:yyyy-MM-dd HH:mm:ss}</td><td>{ChannelNames.Chinese(message.Channel)}</td>
                    <td>{target}</td><td>{Encode(message.MessageType)}</td>
                    <td><pre>{Encode(message.Content)}</pre>{Mentions(message)}</td></tr>
                    """);
            }

            html.Append("</tbody></table>");
        }

        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    // "Speak as a member": the simulator encrypts the text and posts it to the hub's callback, as WeCom would.
    private static string SayForm(WeComSimulatorOptions options)
    {
        if (options.Hubs.Count == 0)
        {
            return "";
        }

        var hubs = string.Concat(options.Hubs.Select(h => $"<option value=\"{Encode(h.Hub)}\">{Encode(h.Hub)}</option>"));
        var users = string.Concat(options.Users.Select(u => $"<option value=\"{Encode(u)}\">{Encode(u)}</option>"));
        return $"""
            <form method="post" action="/_sim/members/say">
            <strong>以成员身份发言</strong>（模拟器加密后回调中枢）<br>
            中枢 <select name="hub">{hubs}</select>
            成员 <input name="from" list="users" placeholder="企业微信 userid" required><datalist id="users">{users}</datalist>
            渠道 <select name="channel"><option value="app">自建应用</option><option value="bot">群聊 @智能机器人</option></select><br>
            <textarea name="content" required placeholder="例如：周报&#10;本周进展：完成区域游戏观察记录&#10;下周计划：组织教研活动"></textarea><br>
            <button type="submit">发送</button>
            </form>
            """;
    }

    private static string Mentions(RecordedMessage message) =>
        message.Mentions.Count == 0 ? "" : $"<div class=\"muted\">@ {Encode(string.Join("、", message.Mentions))}</div>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
