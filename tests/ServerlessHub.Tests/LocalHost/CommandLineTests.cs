using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServerlessHub.LocalHost;

/// <summary>The executable's own arguments: help, unknown commands, configuration for running the app, a taken port.</summary>
public sealed class CommandLineTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_PrintsTheUsageInChineseAndSucceeds(string asked)
    {
        var (exit, output, error) = await RunAsync(asked);

        Assert.Equal(0, exit);
        Assert.StartsWith("用法：", output, StringComparison.Ordinal);
        Assert.Contains("hub key create", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Help_WithLangEn_PrintsTheUsageInEnglish()
    {
        var (exit, output, _) = await RunAsync("--help", "--lang=en");

        Assert.Equal(0, exit);
        Assert.StartsWith("usage:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("hubs", "apply")]
    [InlineData("-x")]
    public async Task UnknownCommand_PrintsItAndTheUsageOnStderrWithExitCode2(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"未知命令“{args[0]}”。\n用法：", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:7080")]
    [InlineData("--urls=http://127.0.0.1:7080", "--LocalHost:RunTriggers=false")]
    [InlineData("AzureWebJobsStorage=UseDevelopmentStorage=true", "/urls", "http://0.0.0.0:7071", "--lang=en")]
    public void Handles_ConfigurationForRunningTheApp_IsLeftToTheApp(params string[] args) =>
        Assert.False(Commands.Handles(args));

    [Theory]
    [InlineData("serve")]
    [InlineData("--urls", "http://127.0.0.1:7080", "extra")]
    [InlineData("--LocalHost:RunTriggers=false", "--help")]
    [InlineData("hub", "key", "create")]
    public void Handles_CommandsHelpAndStrayWords_AreNotLeftToTheApp(params string[] args) =>
        Assert.True(Commands.Handles(args));

    [Fact]
    public async Task Run_PortInUse_SaysSoInOneLineAndExits1WithoutAStackTrace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ServerlessHub.LocalHost.dll"), "--urls", url },
            WorkingDirectory = Directory.CreateTempSubdirectory().FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                // Nothing listens on port 1: the app needs no storage to fail binding, and must not touch a real account.
                ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
                ["LocalHost__RunTriggers"] = "false",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(_ct);
        var error = process.StandardError.ReadToEndAsync(_ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60));

        await process.WaitForExitAsync(limit.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(
            $"无法监听 {url}：端口已被占用。请先停止占用该端口的程序，或用 --urls（或环境变量 ASPNETCORE_URLS）换一个地址，例如 --urls http://127.0.0.1:7080。\n",
            (await error).ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Commands.RunAsync(args, null, output, error, _ct);
        return (exit, output.ToString(), error.ToString());
    }
}
