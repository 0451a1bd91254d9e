using ServerlessHub.Runtime;

namespace ServerlessHub.Replies;

public static class RepliesServices
{
    /// <summary>The templates folder under the script root, where the build copies <c>templates/</c>.</summary>
    public const string TemplatesFolder = "templates";

    /// <summary>Registers <see cref="TemplateRenderer"/> (templates read from the script root) and <see cref="ChatReplies"/>.
    /// Needs <see cref="FunctionCatalog"/> and <see cref="TimeProvider"/> (<c>AddRuntime</c>).</summary>
    public static IServiceCollection AddReplies(this IServiceCollection services) => services
        .AddSingleton(sp => TemplateRenderer.Load(Path.Combine(sp.GetRequiredService<FunctionCatalog>().ScriptRoot, TemplatesFolder)))
        .AddSingleton<ChatReplies>();
}
