using ServerlessHub.Http;
using ServerlessHub.Storage.Hubs;

namespace ServerlessHub.LocalHost.HubFiles;

/// <summary>
/// <c>hub apply FILE…</c>: reads each file, applies it one way or the other, and prints one line per file in zh-CN
/// (or English) — the same lines whether the definitions went to this machine's storage or to a deployed app.
/// </summary>
internal static class HubFileApply
{
    /// <param name="files">The definition files, applied in order; one failing does not stop the others.</param>
    /// <param name="apply">Applies one document's text.</param>
    /// <param name="english">English lines instead of Chinese.</param>
    /// <param name="output">Where applied files are reported.</param>
    /// <param name="error">Where refused files and their problems are reported.</param>
    /// <param name="cancellationToken">Cancels reading and applying.</param>
    /// <returns>0 when every file was applied, 1 otherwise.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> files, Func<string, CancellationToken, Task<FileApplyResult>> apply, bool english, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                await error.WriteLineAsync(english ? $"{file}: no such file" : $"{file}：文件不存在").ConfigureAwait(false);
                failed++;
                continue;
            }

            if (new FileInfo(file).Length > RequestBodies.MaxBytes)
            {
                await error.WriteLineAsync(english ? $"{file}: larger than 256 KiB" : $"{file}：文件超过 256 KiB").ConfigureAwait(false);
                failed++;
                continue;
            }

            var result = await apply(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case FileApplyResult.Applied a:
                    await output.WriteLineAsync(english
                        ? $"{file}: hub {a.HubId} {OutcomeWord(a.Outcome, english)}, version {a.Version}"
                        : $"{file}：中枢 {a.HubId} {OutcomeWord(a.Outcome, english)}，第 {a.Version} 版").ConfigureAwait(false);
                    break;
                case FileApplyResult.Invalid invalid:
                    failed++;
                    await error.WriteLineAsync(english ? $"{file}: {invalid.Problems.Count} problem(s), nothing applied" : $"{file}：有 {invalid.Problems.Count} 处问题，未应用").ConfigureAwait(false);
                    foreach (var problem in invalid.Problems)
                    {
                        await error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
                    }

                    break;
                case FileApplyResult.Failed f:
                    failed++;
                    await error.WriteLineAsync(english ? $"{file}: {f.Reason}" : $"{file}：{f.Reason}").ConfigureAwait(false);
                    break;
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static string OutcomeWord(HubApplyOutcome outcome, bool english) => (outcome, english) switch
    {
        (HubApplyOutcome.Created, true) => "created",
        (HubApplyOutcome.Updated, true) => "updated",
        (HubApplyOutcome.Unchanged, true) => "unchanged",
        (HubApplyOutcome.Created, false) => "已创建",
        (HubApplyOutcome.Updated, false) => "已更新",
        _ => "无变化",
    };
}
