using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ServerlessHub.Health;

/// <summary>The health answer, written by hand, is byte for byte what the serializer makes of the report it documents.</summary>
public sealed class HealthAnswerTests
{
    public static TheoryData<HealthReport> Reports() =>
    [
        new HealthReport("healthy", new StorageHealth("reachable", "reachable")),
        new HealthReport("unhealthy", new StorageHealth("unreachable", "unreachable", "无法访问（ConnectionRefused）", "3 秒内无应答")),
        new HealthReport("unhealthy", new StorageHealth("reachable", "unreachable", QueuesProblem: "请求被拒绝（HTTP 403 \"AuthorizationFailure\"）")),
        new HealthReport("unhealthy", new StorageHealth("unreachable", "reachable", TablesProblem: "<无法访问> & 'x'")),
    ];

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Answer_IsWhatTheSerializerWritesForTheReport(HealthReport report)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;

        await new HealthAnswer(report).ExecuteAsync(context);

        Assert.Equal(report.Status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        Assert.Equal(JsonSerializer.Serialize(report, JsonSerializerOptions.Web), System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
