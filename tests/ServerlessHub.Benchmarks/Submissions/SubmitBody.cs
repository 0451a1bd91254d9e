using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessHub.Benchmarks.Submissions;

/// <summary>The body of <c>POST …/submissions</c>, as an integration sends it.</summary>
internal sealed record SubmitBody(string UnitId, Dictionary<string, JsonElement> Fields, string SubmittedBy)
{
    /// <summary>A typical weekly report of the generated hub: two sentences and a number.</summary>
    public static Dictionary<string, JsonElement> SampleFields { get; } = new(StringComparer.Ordinal)
    {
        ["progress"] = JsonSerializer.SerializeToElement("完成区域游戏观察记录 12 份，组织园内教研 2 次", BenchmarkJsonContext.Default.String),
        ["plan"] = JsonSerializer.SerializeToElement("开展自主游戏案例分享，整理课程故事", BenchmarkJsonContext.Default.String),
        ["sessions"] = JsonSerializer.SerializeToElement(3, BenchmarkJsonContext.Default.Int32),
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SubmitBody))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
