namespace ServerlessHub;

/// <summary>Waits for what the app does in the background, polling every 50 ms for at most 60 s.</summary>
public static class Polling
{
    /// <summary>Polls until <paramref name="condition"/> holds; the test's cancellation token also bounds the wait.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(50, limit.Token);
        }
    }

    public static Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken) =>
        UntilAsync(() => Task.FromResult(condition()), cancellationToken);
}
