using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessHub.WeCom.Simulation.Recording;

namespace ServerlessHub.WeCom.Simulation.Inspection;

/// <summary>A plain zh-CN page listing received messages, newest first, refreshing itself every few seconds.</summary>
internal static class MessagePage
{
    public static ContentHttpResult Render(MessageLog log, SimulatorClock clock)
    {
        var messages = log.Snapshot();
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>企业微信模拟器 · 已收到的消息</title>
            <style>
            body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#222}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.4rem .6rem;vertical-align:top;text-align:left}
            th{background:#f4f6f8}pre{margin:0;white-space:pre-wrap;word-break:break-all;font-family:inherit}
            .muted{color:#777;font-size:.9em}
            </style></head><body>
            <h1>企业微信模拟器</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">共收到 {messages.Count} 条消息，页面每 5 秒刷新。更新于 {clock.Time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC。JSON：<a href=\"/_sim/messages\">/_sim/messages</a></p>");
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

    private static string Mentions(RecordedMessage message) =>
        message.Mentions.Count == 0 ? "" : $"<div class=\"muted\">@ {Encode(string.Join("、", message.Mentions))}</div>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
