namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// Lets pages on other sites load the widget and talk to the visitor hub (CORS, no credentials), and nothing else:
/// the policy applies only to those paths.
/// </summary>
internal sealed class WidgetCorsStartupFilter : IStartupFilter
{
    public const string Policy = "support-chat-widget";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(VisitorHub.Path) || context.Request.Path.StartsWithSegments("/chat"),
            branch => branch.UseCors(Policy));
        next(app);
    };
}
