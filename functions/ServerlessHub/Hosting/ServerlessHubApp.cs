namespace ServerlessHub;

public static class ServerlessHubApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        return app;
    }
}
