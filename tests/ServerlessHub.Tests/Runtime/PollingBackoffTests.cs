using ServerlessHub.Runtime.Queues;

namespace ServerlessHub.Runtime;

public sealed class PollingBackoffTests
{
    private static PollingBackoff CreateSut() => new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random(7));

    [Fact]
    public void Next_WhileEmpty_GrowsToTheMaximumAndStays()
    {
        var backoff = CreateSut();

        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Next(foundMessages: false)).ToList();

        Assert.InRange(delays[0], TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(100));
        Assert.True(delays[4] > delays[0] * 8);
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromSeconds(2)));
        Assert.InRange(delays[^1], TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Next_AfterMessages_PollsAgainAtOnceAndRestartsFromTheMinimum()
    {
        var backoff = CreateSut();
        for (var i = 0; i < 10; i++)
        {
            backoff.Next(foundMessages: false);
        }

        Assert.Equal(TimeSpan.Zero, backoff.Next(foundMessages: true));
        Assert.True(backoff.Next(foundMessages: false) <= TimeSpan.FromMilliseconds(100));
    }
}
