namespace ServerlessHub.WeCom.Api;

/// <summary>
/// One app's access token, fetched on first use and replaced shortly before it expires or when WeCom rejects it
/// (40014, 42001). Callers that need a new token at the same time share one fetch.
/// </summary>
internal sealed class AccessTokenCache(
    Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetchAsync,
    TimeProvider timeProvider,
    TimeSpan refreshMargin)
{
    private readonly Lock sync = new();
    private CachedToken? cached;
    private Task<string>? fetching;

    public ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        CachedToken? current;
        lock (sync)
        {
            current = cached;
        }

        return current is not null && timeProvider.GetUtcNow() < current.ReplaceAt
            ? ValueTask.FromResult(current.Value)
            : new ValueTask<string>(ReplaceAsync(current?.Value, cancellationToken));
    }

    /// <summary>Replaces <paramref name="rejectedToken"/> unless another caller already has.</summary>
    public Task<string> RenewAsync(string rejectedToken, CancellationToken cancellationToken) =>
        ReplaceAsync(rejectedToken, cancellationToken);

    private Task<string> ReplaceAsync(string? staleToken, CancellationToken cancellationToken)
    {
        Task<string> fetch;
        lock (sync)
        {
            if (cached is { } current && current.Value != staleToken && timeProvider.GetUtcNow() < current.ReplaceAt)
            {
                return Task.FromResult(current.Value);
            }

            if (fetching is null || fetching.IsCompleted)
            {
                fetching = FetchAndKeepAsync();
            }

            fetch = fetching;
        }

        return fetch.WaitAsync(cancellationToken);
    }

    // Not tied to one caller's cancellation, since other callers share it; the HTTP timeout bounds it.
    private async Task<string> FetchAndKeepAsync()
    {
        var (token, lifetime) = await fetchAsync(CancellationToken.None).ConfigureAwait(false);
        var usable = lifetime > refreshMargin ? lifetime - refreshMargin : lifetime / 2;
        lock (sync)
        {
            cached = new CachedToken(token, timeProvider.GetUtcNow() + usable);
        }

        return token;
    }

    private sealed record CachedToken(string Value, DateTimeOffset ReplaceAt);
}
