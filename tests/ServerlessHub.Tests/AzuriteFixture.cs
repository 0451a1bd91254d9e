using ServerlessHub.Testing;

namespace ServerlessHub;

/// <summary>One private Azurite per test class that asks for it; tests in the class use their own queue names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => _azurite!.ConnectionString;

    public int TablePort => _azurite!.TablePort;

    public async ValueTask InitializeAsync() => _azurite = await Azurite.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 12, 63)];
}
