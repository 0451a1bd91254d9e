using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ServerlessHub.Benchmarks.Measurement;
using ServerlessHub.Benchmarks.Submissions;
using ServerlessHub.WeCom.Callbacks;

namespace ServerlessHub.Benchmarks.Soak;

/// <summary>What one request of the soak's mix does.</summary>
internal enum MixedOperation
{
    /// <summary><c>POST …/submissions</c>: a first submission for a (unit, week) not submitted before, answered 201.</summary>
    Submission,

    /// <summary><c>POST /api/wecom/{hub}/callback</c>: a liaison's 状态, sealed as WeCom does, answered 200.</summary>
    Callback,

    /// <summary><c>GET …/periods/{period}/status</c> of the seeded week, answered 200.</summary>
    Status,
}

/// <summary>
/// The soak's requests by index: 4 in 10 submissions, 3 callbacks and 3 status reads, interleaved so that any ten
/// consecutive requests hold the mix. A request that is not answered with its success status, or throws, is an error,
/// tallied by operation and kind; only the caller's cancellation escapes.
/// </summary>
internal sealed class MixedLoad(HttpClient http, string hubId, string statusPeriod, Uri callbackUrl, WeComCallbackCrypto crypto, TimeProvider clock, int units, IReadOnlyList<(string Unit, string Period)> submissions)
{
    private static readonly MixedOperation[] Pattern =
    [
        MixedOperation.Submission, MixedOperation.Callback, MixedOperation.Status, MixedOperation.Submission, MixedOperation.Callback,
        MixedOperation.Status, MixedOperation.Submission, MixedOperation.Callback, MixedOperation.Status, MixedOperation.Submission,
    ];

    private ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _nextSubmission = -1;
    private int _nextCallback = -1;

    /// <summary>The share of submissions in the mix.</summary>
    public static double SubmissionShare => Pattern.Count(o => o == MixedOperation.Submission) / (double)Pattern.Length;

    /// <summary>Distinct (unit, week) pairs not submitted yet.</summary>
    public int SubmissionsLeft => submissions.Count - Volatile.Read(ref _nextSubmission) - 1;

    public static MixedOperation OperationOf(int index) => Pattern[index % Pattern.Length];

    /// <summary>The errors since the last call, by "operation: kind", and a fresh tally.</summary>
    public IReadOnlyDictionary<string, int> TakeErrors() => Interlocked.Exchange(ref _errors, new ConcurrentDictionary<string, int>(StringComparer.Ordinal));

    /// <summary>Sends request <paramref name="index"/>; true when it was answered with its success status.</summary>
    public async Task<bool> SendAsync(int index, CancellationToken cancellationToken)
    {
        var operation = OperationOf(index);
        string kind;
        try
        {
            var (status, expected) = operation switch
            {
                MixedOperation.Submission => (await SubmitAsync(cancellationToken).ConfigureAwait(false), HttpStatusCode.Created),
                MixedOperation.Callback => (await CallbackAsync(cancellationToken).ConfigureAwait(false), HttpStatusCode.OK),
                _ => (await ReadStatusAsync(cancellationToken).ConfigureAwait(false), HttpStatusCode.OK),
            };
            if (status == expected)
            {
                return true;
            }

            kind = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            kind = "timeout";
        }
        catch (HttpRequestException ex)
        {
            kind = ex.HttpRequestError.ToString();
        }

        _errors.AddOrUpdate($"{operation}: {kind}", 1, (_, n) => n + 1);
        return false;
    }

    private async Task<HttpStatusCode> SubmitAsync(CancellationToken cancellationToken)
    {
        var next = Interlocked.Increment(ref _nextSubmission);
        if (next >= submissions.Count)
        {
            // The command checks before the soak that enough are left; running out is a bug in that check.
            throw new InvalidOperationException($"All {submissions.Count} distinct (unit, week) submissions are used.");
        }

        var (unit, period) = submissions[next];
        using var response = await http.PostAsJsonAsync(
            $"api/hubs/{hubId}/reports/weekly/periods/{period}/submissions",
            new SubmitBody(unit, SubmitBody.SampleFields, "bench"),
            BenchmarkJsonContext.Default.SubmitBody,
            cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    // Sealed as it is sent, not beforehand: a pool for a two-minute soak would be memory the generator holds from the start.
    private Task<HttpStatusCode> CallbackAsync(CancellationToken cancellationToken)
    {
        var liaison = BenchmarkHub.LiaisonId(Interlocked.Increment(ref _nextCallback) % units);
        return AppCallbacks.PostAsync(http, AppCallbacks.Seal(crypto, callbackUrl, liaison, "状态", clock.GetUtcNow()), cancellationToken);
    }

    // The body (~80 KB of JSON) is read through a pooled buffer and dropped: buffered whole, it would land on the
    // large-object heap of this process, which the app shares, and the generator's garbage would count as the app's.
    private async Task<HttpStatusCode> ReadStatusAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/hubs/{hubId}/reports/weekly/periods/{statusPeriod}/status", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return response.StatusCode;
    }
}
