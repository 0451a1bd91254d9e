namespace ServerlessHub.Replies;

public static class RepliesServices
{
    /// <summary>The templates folder beside the app, where the build and the publish copy <c>templates/</c>.</summary>
    public const string TemplatesFolder = "templates";

    /// <summary>Registers <see cref="TemplateRenderer"/> (templates read from beside the app) and <see cref="ChatReplies"/>.</summary>
    public static IServiceCollection AddReplies(this IServiceCollection services) => services
        .AddSingleton(_ => TemplateRenderer.Load(Path.Combine(AppContext.BaseDirectory, TemplatesFolder)))
        .AddSingleton<ChatReplies>();
}
