using Nqba.Server.Modules.Support.Chat;

namespace Nqba.Server.Modules.Support;

/// <summary>Support: knowledge base, chat bot and live chat (tickets, SLAs and surveys join here).</summary>
public static class SupportModule
{
    public static IHostApplicationBuilder AddSupportModule(this IHostApplicationBuilder builder)
    {
        SupportChatRegistration.AddSupportChat(builder);
        return builder;
    }

    public static IEndpointRouteBuilder MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        SupportChatRegistration.MapSupportChat(app);
        return app;
    }
}
